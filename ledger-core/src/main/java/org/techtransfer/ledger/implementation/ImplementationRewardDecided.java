package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;

import java.time.LocalDate;
import java.util.List;

public record ImplementationRewardDecided(String implementationId, String decisionId, LocalDate decidedOn, Money total,
                                          List<Allocation> allocations) {
}
