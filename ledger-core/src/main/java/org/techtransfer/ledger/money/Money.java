package org.techtransfer.ledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount in yuan, held as a whole number of fen so that sums are exact.
 * In JSON (events and HTTP) it is a string with exactly two decimals: {@code "1250000.00"}.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** At most 15 integer digits (docs/api.md, "Field types and rules"). */
    public static final int MAX_INTEGER_DIGITS = 15;

    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,40}(\\.\\d{1,2})?");
    private static final Pattern DECIMALS = Pattern.compile("-?\\d{1,40}\\.\\d{3,40}");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Exact conversion; refuses more than two decimals instead of rounding them away. */
    public static Money of(BigDecimal yuan) {
        BigDecimal scaled;
        try {
            scaled = yuan.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount has more than two decimals: " + yuan.toPlainString());
        }
        if (scaled.precision() - scaled.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return new Money(scaled.movePointRight(2).longValueExact());
    }

    /**
     * Reads an amount as written in JSON: plain digits with at most two decimals ("1250", "1250.5",
     * "1250.50"); no exponent, no grouping, and no third decimal even if it is a zero.
     */
    @JsonCreator
    public static Money of(String yuan) {
        if (yuan == null || !PLAIN.matcher(yuan).matches()) {
            throw new IllegalArgumentException(yuan != null && DECIMALS.matcher(yuan).matches()
                    ? "amount has more than two decimals: " + yuan
                    : "not an amount: " + yuan);
        }
        return of(new BigDecimal(yuan));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** The amount, never below zero. */
    public Money atLeastZero() {
        return fen < 0 ? ZERO : this;
    }

    /** {@code rate × this}, rounded up to the fen: the minimum in favour of personnel. */
    public Money timesRoundedUp(BigDecimal rate) {
        return new Money(BigDecimal.valueOf(fen).multiply(rate).setScale(0, RoundingMode.CEILING).longValueExact());
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    public static Money max(Money a, Money b) {
        return a.fen >= b.fen ? a : b;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(fen, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** Yuan with two decimals, as {@code toBigDecimal().toPlainString()} gives it, without making a BigDecimal. */
    @JsonValue
    @Override
    public String toString() {
        long yuan = fen / 100;
        int cents = (int) Math.abs(fen % 100);
        StringBuilder text = new StringBuilder(24);
        if (fen < 0 && yuan == 0) {
            text.append('-'); // -0.05: the yuan part alone has no sign
        }
        text.append(yuan).append('.');
        if (cents < 10) {
            text.append('0');
        }
        return text.append(cents).toString();
    }
}
