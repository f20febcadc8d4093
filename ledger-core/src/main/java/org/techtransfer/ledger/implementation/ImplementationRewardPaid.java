package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

public record ImplementationRewardPaid(String implementationId, String paymentId, String personId, Money amount,
                                       LocalDate paidOn, String reference) {
}
