package org.techtransfer.ledger.projections.reward;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the reward obligations read model (API.md: {@code GET /rewards/obligations}). */
public class RewardObligations {

    /**
     * One contract's obligation on the day asked: cash, and beside it shares (API.md's fields first, the share
     * fields are additions).
     *
     * @param sharesOutstanding the required shares not yet allocated, never below zero
     * @param equityStatus      the share obligation's own status: shares are decided, not paid, and have no
     *                          deadline, so it is never OVERDUE
     */
    public record Obligation(String contractId, String institutionId, Money netIncome, Money requiredReward,
                             Money rewardDecided, Money rewardPaid, Money outstanding, RewardStatus status,
                             LocalDate dueBy, long sharesReceived, long requiredShares, long sharesAllocated,
                             long sharesOutstanding, RewardStatus equityStatus) {
    }

    /** What is overdue first, then what is outstanding, each by deadline; then the rest. */
    private static final Comparator<Obligation> URGENT_FIRST = Comparator
            .comparing((Obligation o) -> switch (o.status()) {
                case OVERDUE -> 0;
                case OUTSTANDING -> 1;
                case COMPLIANT -> 2;
                case NOTHING_DUE -> 3;
            })
            .thenComparing(Obligation::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Obligation::contractId);

    private final JdbcTemplate jdbc;

    public RewardObligations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param institutionId only this seller's contracts, or all when null
     * @param status        only contracts in this cash status on {@code today}, or all when null
     * @param equityStatus  only contracts in this share status, or all when null
     */
    public List<Obligation> find(String institutionId, RewardStatus status, RewardStatus equityStatus,
                                 LocalDate today) {
        String sql = "SELECT contract_id, institution_id, net_income_fen, required_reward_fen, reward_decided_fen, "
                + "reward_paid_fen, outstanding_fen, due_by, shares_received, required_shares, shares_allocated "
                + "FROM reward_obligation"
                + (institutionId == null ? "" : " WHERE institution_id = ?");
        Object[] args = institutionId == null ? new Object[0] : new Object[]{institutionId};
        List<Obligation> found = new ArrayList<>();
        jdbc.query(sql, rs -> {
            Money required = Money.ofFen(rs.getLong("required_reward_fen"));
            Money paid = Money.ofFen(rs.getLong("reward_paid_fen"));
            LocalDate dueBy = rs.getObject("due_by", LocalDate.class);
            RewardStatus current = RewardStatus.of(required, paid, dueBy, today);
            long requiredShares = rs.getLong("required_shares");
            long sharesAllocated = rs.getLong("shares_allocated");
            RewardStatus shares = RewardStatus.ofShares(requiredShares, sharesAllocated);
            if ((status == null || status == current) && (equityStatus == null || equityStatus == shares)) {
                found.add(new Obligation(rs.getString("contract_id"), rs.getString("institution_id"),
                        Money.ofFen(rs.getLong("net_income_fen")), required,
                        Money.ofFen(rs.getLong("reward_decided_fen")), paid, Money.ofFen(rs.getLong("outstanding_fen")),
                        current, dueBy, rs.getLong("shares_received"), requiredShares, sharesAllocated,
                        Math.max(0, requiredShares - sharesAllocated), shares));
            }
        }, args);
        found.sort(URGENT_FIRST);
        return found;
    }
}
