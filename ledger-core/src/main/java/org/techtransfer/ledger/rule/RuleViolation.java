package org.techtransfer.ledger.rule;

/** A command refused by a business rule. Nothing is recorded when it is thrown. */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** Throws when the condition that the rule forbids holds. */
    public static void refuseIf(boolean forbidden, Rule rule, String detail) {
        if (forbidden) {
            throw new RuleViolation(rule, detail);
        }
    }
}
