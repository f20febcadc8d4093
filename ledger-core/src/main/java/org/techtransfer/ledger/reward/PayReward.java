package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Pays one person part or all of what the contract's decisions allocated to them. */
public record PayReward(String contractId, String paymentId, String personId, Money amount,
                        LocalDate paidOn, String reference) implements LedgerCommand {

    public PayReward {
        Require.id(contractId, "contractId");
        Require.id(paymentId, "paymentId");
        Require.id(personId, "personId");
        Require.positive(amount, "amount");
        Require.present(paidOn, "paidOn");
        Require.text(reference, "reference");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return paymentId;
    }
}
