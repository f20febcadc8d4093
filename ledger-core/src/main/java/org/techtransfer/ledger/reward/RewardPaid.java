package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

public record RewardPaid(String contractId, String paymentId, String personId, Money amount, LocalDate paidOn,
                         String reference) {
}
