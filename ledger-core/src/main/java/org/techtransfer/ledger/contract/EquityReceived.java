package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

public record EquityReceived(String contractId, String equityId, String company, long shares, Money valuation,
                             LocalDate receivedOn) {
}
