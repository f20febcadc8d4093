package org.techtransfer.ledger.rule;

import java.util.List;

/**
 * A command refused by a business rule. Nothing is recorded when it is thrown. Its message is the English
 * detail; its arguments are the figures the detail names, in order, so that the service can say the same
 * in another language (ledger-app's {@code messages*.properties}, keyed by the rule).
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final List<Object> arguments;

    public RuleViolation(Rule rule, String detail, Object... arguments) {
        super(detail);
        this.rule = rule;
        this.arguments = List.of(arguments);
    }

    public Rule rule() {
        return rule;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** Throws when the condition that the rule forbids holds. */
    public static void refuseIf(boolean forbidden, Rule rule, String detail, Object... arguments) {
        if (forbidden) {
            throw new RuleViolation(rule, detail, arguments);
        }
    }
}
