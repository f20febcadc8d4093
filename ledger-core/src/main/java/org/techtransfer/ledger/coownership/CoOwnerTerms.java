package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.reward.RewardTerms;

import java.math.BigDecimal;

/** A co-owner, its share, and the reward terms of its own policy on the contract's signing date. */
public record CoOwnerTerms(String institutionId, BigDecimal share, RewardTerms terms) {
}
