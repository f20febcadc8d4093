package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records shares received for the achievement (技术入股), valued at {@code valuation} in all. */
public record ReceiveEquity(String contractId, String equityId, String company,
                            long shares, Money valuation, LocalDate receivedOn) implements LedgerCommand {

    public ReceiveEquity {
        Require.id(contractId, "contractId");
        Require.id(equityId, "equityId");
        Require.text(company, "company");
        Require.positive(shares, "shares");
        Require.positive(valuation, "valuation");
        Require.present(receivedOn, "receivedOn");
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return equityId;
    }
}
