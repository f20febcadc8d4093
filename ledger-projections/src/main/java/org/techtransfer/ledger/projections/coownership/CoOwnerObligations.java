package org.techtransfer.ledger.projections.coownership;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reads the co-owner obligations read model: what each co-owner owes its personnel on its share of a contract. */
public class CoOwnerObligations {

    /**
     * One co-owner's obligation on one contract: cash (required, decided, paid, outstanding, status on the day
     * asked) and, beside it, equity (its shares and their value, the shares required and allocated, status).
     */
    public record CoOwnerObligation(String contractId, String institutionId, String sellerId, BigDecimal share,
                                    String policyId, Money income, Money netIncome, Money requiredReward,
                                    LocalDate dueBy, Money rewardDecided, Money rewardPaid, Money outstanding,
                                    RewardStatus rewardStatus, long sharesReceived, Money equityValue,
                                    long requiredShares, long sharesAllocated, RewardStatus equityStatus) {
    }

    private final JdbcTemplate jdbc;

    public CoOwnerObligations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param institutionId only this co-owner's rows, or all when null; by contract, then co-owner
     * @param today         the day the statuses are for
     */
    public List<CoOwnerObligation> find(String institutionId, LocalDate today) {
        String sql = "SELECT contract_id, institution_id, seller_id, share, policy_id, income_fen, net_income_fen, "
                + "required_reward_fen, due_by, reward_decided_fen, reward_paid_fen, outstanding_fen, shares_received, "
                + "equity_value_fen, required_shares, shares_allocated FROM co_owner_obligation"
                + (institutionId == null ? "" : " WHERE institution_id = ?") + " ORDER BY contract_id, institution_id";
        Object[] args = institutionId == null ? new Object[0] : new Object[]{institutionId};
        return jdbc.query(sql, (rs, n) -> {
            Money required = Money.ofFen(rs.getLong("required_reward_fen"));
            Money paid = Money.ofFen(rs.getLong("reward_paid_fen"));
            LocalDate dueBy = rs.getDate("due_by") == null ? null : rs.getDate("due_by").toLocalDate();
            long requiredShares = rs.getLong("required_shares");
            long sharesAllocated = rs.getLong("shares_allocated");
            return new CoOwnerObligation(rs.getString("contract_id"), rs.getString("institution_id"),
                    rs.getString("seller_id"), rs.getBigDecimal("share").stripTrailingZeros(), rs.getString("policy_id"),
                    Money.ofFen(rs.getLong("income_fen")), Money.ofFen(rs.getLong("net_income_fen")), required, dueBy,
                    Money.ofFen(rs.getLong("reward_decided_fen")), paid, Money.ofFen(rs.getLong("outstanding_fen")),
                    RewardStatus.of(required, paid, dueBy, today), rs.getLong("shares_received"),
                    Money.ofFen(rs.getLong("equity_value_fen")), requiredShares, sharesAllocated,
                    RewardStatus.ofShares(requiredShares, sharesAllocated));
        }, args);
    }
}
