package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;
import java.util.List;

public record CashRewardDecided(String contractId, String decisionId, LocalDate decidedOn, Money total,
                                List<Allocation> allocations) {
}
