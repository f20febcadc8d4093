package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

public record IncomeRecorded(String contractId, String incomeId, Money amount, LocalDate receivedOn,
                             IncomeCategory category) {
}
