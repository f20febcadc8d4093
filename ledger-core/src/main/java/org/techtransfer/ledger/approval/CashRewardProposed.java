package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;

import java.time.LocalDate;
import java.util.List;

/**
 * A cash reward decision was recorded under an approval policy: it counts as decided ({@link CashRewardDecided},
 * recorded then) only once every level of its route has approved it.
 */
public record CashRewardProposed(String contractId, String decisionId, LocalDate decidedOn, Money total,
                                 List<Allocation> allocations, ApprovalRoute route) {

    public CashRewardDecided decided() {
        return new CashRewardDecided(contractId, decisionId, decidedOn, total, allocations, null);
    }
}
