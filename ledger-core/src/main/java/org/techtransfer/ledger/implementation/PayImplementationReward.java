package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Pays one person part or all of what the implementation's decisions allocated to them, as on a contract. */
public record PayImplementationReward(String implementationId, String paymentId, String personId, Money amount,
                                      LocalDate paidOn, String reference) implements LedgerCommand {

    public PayImplementationReward {
        Require.id(implementationId, "implementationId");
        Require.id(paymentId, "paymentId");
        Require.id(personId, "personId");
        Require.positive(amount, "amount");
        Require.present(paidOn, "paidOn");
        Require.text(reference, "reference");
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return paymentId;
    }
}
