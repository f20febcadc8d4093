package org.techtransfer.ledger.app.web;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.RuleViolation;

import java.util.Locale;
import java.util.Map;

/**
 * A refusal in the reader's language: a rule's message from {@code messages*.properties} ({@code rule.CODE},
 * with the figures the rule named, amounts grouped by thousands), a field's problem likewise. English
 * readers get the domain's own English detail, so the API's answers of docs/api.md do not change.
 */
@Component
public class Refusals {

    /** The field problems of ledger-core's {@code Require}, by their English wording. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "is required", "problem.required",
            "must not be blank", "problem.blank",
            "must be positive", "problem.positive",
            "must be a positive integer", "problem.positiveInteger",
            "must be 6 digits", "problem.sixDigits",
            "must not be empty", "problem.empty",
            "must not be before from", "problem.toBeforeFrom");

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    public String rule(RuleViolation refusal, Locale locale) {
        if (isEnglish(locale)) {
            return refusal.getMessage();
        }
        Object[] figures = refusal.arguments().stream()
                .map(a -> a instanceof Money money ? Formats.money(money.fen()) : a)
                .toArray();
        try {
            return messages.getMessage("rule." + refusal.rule().name(), figures, locale);
        } catch (NoSuchMessageException untranslated) {
            return refusal.getMessage();
        }
    }

    /** What is wrong with a field, without the field's name (the page shows it beside its label). */
    public String problem(String englishProblem, Locale locale) {
        if (isEnglish(locale)) {
            return englishProblem;
        }
        String key = PROBLEMS.get(englishProblem);
        return messages.getMessage(key != null ? key : "problem.invalid", null, locale);
    }

    public String problem(InvalidField invalid, Locale locale) {
        return problem(invalid.getMessage().substring(invalid.field().length() + 2), locale);
    }

    public String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static boolean isEnglish(Locale locale) {
        return !"zh".equals(locale.getLanguage());
    }
}
