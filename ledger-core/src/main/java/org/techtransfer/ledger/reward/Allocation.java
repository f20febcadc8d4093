package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import org.techtransfer.ledger.rule.Require;

/** The part of a cash reward decided for one person. */
public record Allocation(String personId, Money amount) {

    public Allocation {
        Require.id(personId, "personId");
        Require.positive(amount, "amount");
    }
}
