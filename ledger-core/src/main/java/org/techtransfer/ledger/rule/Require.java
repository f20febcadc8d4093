package org.techtransfer.ledger.rule;

import org.techtransfer.ledger.money.Money;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The shape every command checks in its constructor, so that no malformed command reaches an aggregate. */
public final class Require {

    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_TEXT_LENGTH = 1000;
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    /** GB 32100-2015: digits and capital letters without I, O, Z, S, V. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }

    /** An identifier: 1 to 100 characters, no control characters, no unpaired surrogate. */
    public static String id(String value, String field) {
        return text(value, field, MAX_ID_LENGTH);
    }

    /** A name, reason or reference: 1 to 1000 characters, no control characters, no unpaired surrogate. */
    public static String text(String value, String field) {
        return text(value, field, MAX_TEXT_LENGTH);
    }

    private static String text(String value, String field, int max) {
        present(value, field);
        if (value.isBlank()) {
            throw new InvalidField(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        // half of a surrogate pair is no character: PostgreSQL's UTF-8 would store it as '?', not as sent
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new InvalidField(field, "must not contain an unpaired surrogate");
        }
        return value;
    }

    public static Money positive(Money value, String field) {
        present(value, field);
        if (!value.isPositive()) {
            throw new InvalidField(field, "must be positive");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new InvalidField(field, "must be a positive integer");
        }
        return value;
    }

    public static String regionCode(String value, String field) {
        present(value, field);
        if (!REGION_CODE.matcher(value).matches()) {
            throw new InvalidField(field, "must be 6 digits");
        }
        return value;
    }

    /** An enterprise's unified social credit code (统一社会信用代码). */
    public static String creditCode(String value, String field) {
        present(value, field);
        if (!CREDIT_CODE.matcher(value).matches()) {
            throw new InvalidField(field, "must be 18 digits or capital letters (not I, O, Z, S, V)");
        }
        return value;
    }

    /** A non-empty list of present elements with no key twice; returns an unmodifiable copy. */
    public static <T> List<T> distinct(List<T> values, Function<T, String> key, String field) {
        present(values, field);
        if (values.isEmpty()) {
            throw new InvalidField(field, "must not be empty");
        }
        Collection<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            T value = present(values.get(i), field + "[" + i + "]");
            if (!seen.add(key.apply(value))) {
                throw new InvalidField(field + "[" + i + "]", "names '" + key.apply(value) + "' twice");
            }
        }
        return List.copyOf(values);
    }
}
