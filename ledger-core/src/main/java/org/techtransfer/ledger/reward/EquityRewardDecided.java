package org.techtransfer.ledger.reward;

import java.time.LocalDate;
import java.util.List;

public record EquityRewardDecided(String contractId, String decisionId, LocalDate decidedOn, long totalShares,
                                  List<ShareAllocation> allocations) {
}
