package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/** A step of an approval policy: a reward decision of at least {@code from} needs {@code level}'s approval. */
public record ApprovalStep(ApprovalLevel level, Money from) {

    public ApprovalStep {
        Require.present(level, "level");
        Require.present(from, "from");
        if (from.isNegative()) {
            throw new InvalidField("from", "must not be negative");
        }
    }
}
