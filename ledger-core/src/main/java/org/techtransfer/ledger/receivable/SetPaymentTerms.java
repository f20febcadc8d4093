package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.util.List;

/**
 * Sets what the contract promises to pay: its instalments and milestone payments, and its running royalty. Set
 * again (a new {@code termsId}, with a reason) when the deal changes: the latest terms replace the earlier ones. A
 * milestone whose event happened is recorded as reached instead ({@link RecordMilestoneReached}).
 *
 * @param instalments the instalments and milestone payments, possibly none when a royalty is set
 * @param royalty     the running royalty, or null
 * @param changeReason why the terms change (required when they replace earlier ones)
 */
public record SetPaymentTerms(String contractId, String termsId, List<Instalment> instalments, RoyaltyTerms royalty,
                              String changeReason) implements LedgerCommand {

    public SetPaymentTerms {
        Require.id(contractId, "contractId");
        Require.id(termsId, "termsId");
        instalments = instalments == null || instalments.isEmpty()
                ? List.of()
                : Require.distinct(instalments, Instalment::instalmentId, "instalments");
        if (instalments.isEmpty() && royalty == null) {
            throw new InvalidField("instalments", "terms need instalments, a royalty or both");
        }
        if (changeReason != null) {
            Require.text(changeReason, "changeReason");
        }
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return termsId;
    }
}
