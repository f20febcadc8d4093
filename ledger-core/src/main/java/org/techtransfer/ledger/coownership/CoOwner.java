package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.math.BigDecimal;

/** An institution that owns part of the achievements a contract concerns, and its agreed share of each receipt. */
public record CoOwner(String institutionId, BigDecimal share) {

    public CoOwner {
        Require.id(institutionId, "institutionId");
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidField("share", "must be above 0 and at most 1");
        }
        if (share.scale() > 6) {
            throw new InvalidField("share", "must have at most 6 decimals");
        }
    }
}
