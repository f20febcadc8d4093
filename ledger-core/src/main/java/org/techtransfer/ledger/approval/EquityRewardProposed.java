package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.ShareAllocation;

import java.time.LocalDate;
import java.util.List;

/**
 * An equity reward decision was recorded under an approval policy, routed by {@code value}, the shares'
 * value at the latest receipt's valuation; it counts as decided only once approved.
 */
public record EquityRewardProposed(String contractId, String decisionId, LocalDate decidedOn, long totalShares,
                                   List<ShareAllocation> allocations, Money value, ApprovalRoute route) {

    public EquityRewardDecided decided() {
        return new EquityRewardDecided(contractId, decisionId, decidedOn, totalShares, allocations, null);
    }
}
