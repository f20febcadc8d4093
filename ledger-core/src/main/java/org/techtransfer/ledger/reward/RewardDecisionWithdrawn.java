package org.techtransfer.ledger.reward;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A reward decision was withdrawn: from now on it counts for nothing. It stays in the log and its id stays
 * taken.
 *
 * @param kind   whether it was a cash or an equity decision
 * @param people the contributors it had allocated to, so that a reader of this event alone knows whose
 *               allocations are gone
 * @param institutionId the co-owner whose own decision it was; null for the seller's, and then left out of the
 *                      stored event as before
 */
public record RewardDecisionWithdrawn(String contractId, String withdrawalId, String decisionId, RewardKind kind,
                                      List<String> people, String reason,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String institutionId) {
}
