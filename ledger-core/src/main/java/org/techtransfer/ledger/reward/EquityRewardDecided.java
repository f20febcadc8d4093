package org.techtransfer.ledger.reward;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * @param institutionId the co-owner whose entry it is, on its own share (docs/domain.md, "Co-owned achievements");
 *                      null for the seller's, and then left out of the stored event as before
 */
public record EquityRewardDecided(String contractId, String decisionId, LocalDate decidedOn, long totalShares,
                                  List<ShareAllocation> allocations,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String institutionId) {
}
