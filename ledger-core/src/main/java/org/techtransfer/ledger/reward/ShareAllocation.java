package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.rule.Require;

/** The shares of an equity reward decided for one person. */
public record ShareAllocation(String personId, long shares) {

    public ShareAllocation {
        Require.id(personId, "personId");
        Require.positive(shares, "shares");
    }
}
