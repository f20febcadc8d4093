package org.techtransfer.ledger.projections.reward;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the reward obligations read model (docs/api.md: {@code GET /rewards/obligations}). */
public class RewardObligations {

    /**
     * One contract's obligation on the day asked: cash, and beside it shares (the contract's fields first, the share
     * fields are additions).
     *
     * @param sharesOutstanding the required shares not yet allocated, never below zero
     * @param equityStatus      the share obligation's own status: shares are decided, not paid, and have no
     *                          deadline, so it is never OVERDUE
     * @param rewardPending     cash proposed for approval and not yet approved (issue 23): not counted as decided;
     *                          absent when nothing waits
     * @param sharesPending     shares proposed and not yet approved; absent when nothing waits
     */
    public record Obligation(String contractId, String institutionId, Money netIncome, Money requiredReward,
                             Money rewardDecided, Money rewardPaid, Money outstanding, RewardStatus status,
                             LocalDate dueBy, long sharesReceived, long requiredShares, long sharesAllocated,
                             long sharesOutstanding, RewardStatus equityStatus,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Money rewardPending,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long sharesPending) {
    }

    /**
     * A self-implementation's reward obligation on the day asked (issue 15): {@code profit} is the operating profit
     * of the rewarded years, on which at least 5% is owed; {@code years} each year recorded, in order.
     */
    public record ImplementationObligation(String implementationId, String institutionId, String title, Money profit,
                                           Money requiredReward, Money rewardDecided, Money rewardPaid,
                                           Money outstanding, RewardStatus status, LocalDate dueBy,
                                           List<ProfitYear> years) {
    }

    /** A year's operating profit, whether it is one of the rewarded years, and what it adds to the reward owed. */
    public record ProfitYear(int year, Money operatingProfit, boolean counted, Money owed) {
    }

    /** A reward decision waiting for an approval at {@code nextLevel}; cash has a total, shares a count. */
    public record Waiting(String contractId, String decisionId, String institutionId, ApprovalLevel nextLevel,
                          LocalDate decidedOn, Money total, Long totalShares, Money value, String proposedBy) {
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
                + "reward_paid_fen, outstanding_fen, due_by, shares_received, required_shares, shares_allocated, "
                + "reward_pending_fen, shares_pending "
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
                        Math.max(0, requiredShares - sharesAllocated), shares, pending(rs).cash(), pending(rs).shares()));
            }
        }, args);
        found.sort(URGENT_FIRST);
        return found;
    }

    /**
     * The self-implementations' obligations of one institution, or of all when null, in {@code status} on
     * {@code today} (any when null); the most urgent first.
     */
    public List<ImplementationObligation> implementations(String institutionId, RewardStatus status, LocalDate today) {
        String where = institutionId == null ? "" : " WHERE institution_id = ?";
        Object[] args = institutionId == null ? new Object[0] : new Object[]{institutionId};
        Map<String, List<ProfitYear>> years = new HashMap<>();
        jdbc.query("SELECT y.implementation_id, y.year, y.operating_profit_fen, y.counted, y.owed_fen "
                + "FROM implementation_profit_year y JOIN implementation_obligation o USING (implementation_id)"
                + where.replace("institution_id", "o.institution_id") + " ORDER BY y.implementation_id, y.year", rs -> {
            years.computeIfAbsent(rs.getString("implementation_id"), id -> new ArrayList<>()).add(new ProfitYear(
                    rs.getInt("year"), Money.ofFen(rs.getLong("operating_profit_fen")), rs.getBoolean("counted"),
                    Money.ofFen(rs.getLong("owed_fen"))));
        }, args);
        String sql = "SELECT implementation_id, institution_id, title, profit_fen, required_reward_fen, "
                + "reward_decided_fen, reward_paid_fen, outstanding_fen, due_by FROM implementation_obligation" + where;
        List<ImplementationObligation> found = new ArrayList<>(jdbc.query(sql, (rs, n) -> {
            Money required = Money.ofFen(rs.getLong("required_reward_fen"));
            Money paid = Money.ofFen(rs.getLong("reward_paid_fen"));
            LocalDate dueBy = rs.getObject("due_by", LocalDate.class);
            String id = rs.getString("implementation_id");
            return new ImplementationObligation(id, rs.getString("institution_id"),
                    rs.getString("title"), Money.ofFen(rs.getLong("profit_fen")), required,
                    Money.ofFen(rs.getLong("reward_decided_fen")), paid, Money.ofFen(rs.getLong("outstanding_fen")),
                    RewardStatus.of(required, paid, dueBy, today), dueBy, List.copyOf(years.getOrDefault(id, List.of())));
        }, args));
        if (status != null) {
            found.removeIf(o -> o.status() != status);
        }
        found.sort(Comparator.comparing((ImplementationObligation o) -> o.status().ordinal()).reversed()
                .thenComparing(ImplementationObligation::dueBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ImplementationObligation::implementationId));
        return found;
    }

    /** The decisions of the institution that wait for {@code level}, oldest decision first. */
    public List<Waiting> waitingFor(String institutionId, ApprovalLevel level) {
        return jdbc.query("""
                SELECT contract_id, decision_id, institution_id, next_level, decided_on, total_fen, total_shares,
                       value_fen, proposed_by
                FROM reward_approval_waiting WHERE institution_id = ? AND next_level = ?
                ORDER BY decided_on, contract_id, decision_id""", (rs, n) -> new Waiting(rs.getString("contract_id"),
                rs.getString("decision_id"), rs.getString("institution_id"), ApprovalLevel.valueOf(rs.getString("next_level")),
                rs.getObject("decided_on", LocalDate.class),
                rs.getObject("total_fen") == null ? null : Money.ofFen(rs.getLong("total_fen")),
                rs.getObject("total_shares") == null ? null : rs.getLong("total_shares"),
                Money.ofFen(rs.getLong("value_fen")), rs.getString("proposed_by")), institutionId, level.name());
    }

    /** The obligation's pending cash and shares, both absent when nothing waits: the row is then as before issue 23. */
    private static Pending pending(ResultSet rs) throws SQLException {
        long cash = rs.getLong("reward_pending_fen");
        long shares = rs.getLong("shares_pending");
        return cash == 0 && shares == 0 ? Pending.NONE : new Pending(Money.ofFen(cash), shares);
    }

    private record Pending(Money cash, Long shares) {
        static final Pending NONE = new Pending(null, null);
    }
}
