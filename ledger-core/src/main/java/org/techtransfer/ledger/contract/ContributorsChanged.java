package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.reward.Contributor;

import java.util.List;

/** The contract's contributors are from now on {@code contributors}, the whole list. */
public record ContributorsChanged(String contractId, String changeId, List<Contributor> contributors,
                                  String reason) {
}
