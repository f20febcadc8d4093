package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.reward.Contributor;

import java.util.List;

/**
 * The contract's contributors are from now on {@code contributors}, the whole list. The seller is named again
 * so that a read model of people (payouts) can place a newcomer without the contract's registration at hand.
 */
public record ContributorsChanged(String contractId, String changeId, List<Contributor> contributors,
                                  String reason, String sellerInstitutionId) {
}
