package org.techtransfer.ledger.implementation;

import java.util.List;

/**
 * A reward decision on the implementation was withdrawn: from now on it counts for nothing. It stays in the log and
 * its id stays taken.
 *
 * @param people the contributors it had allocated to, so that a reader of this event alone knows whose allocations
 *               are gone
 */
public record ImplementationRewardDecisionWithdrawn(String implementationId, String withdrawalId, String decisionId,
                                                    List<String> people, String reason) {
}
