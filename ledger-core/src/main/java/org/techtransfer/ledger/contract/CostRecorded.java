package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

public record CostRecorded(String contractId, String costId, Money amount, LocalDate incurredOn,
                           CostCategory category) {
}
