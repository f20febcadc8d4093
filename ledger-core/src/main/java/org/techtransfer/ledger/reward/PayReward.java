package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * Pays one person part or all of what the contract's decisions allocated to them.
 *
 * @param institutionId the co-owner whose payment it is, on its own share and under its own policy (docs/domain.md,
 *                      "Co-owned achievements"); absent for the seller's
 */
public record PayReward(String contractId, String paymentId, String personId, Money amount,
                        LocalDate paidOn, String reference, String institutionId) implements LedgerCommand {

    public PayReward {
        Require.id(contractId, "contractId");
        if (institutionId != null) {
            Require.id(institutionId, "institutionId");
        }
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
