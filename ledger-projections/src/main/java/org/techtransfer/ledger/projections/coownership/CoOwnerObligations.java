package org.techtransfer.ledger.projections.coownership;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reads the co-owner obligations read model: what each co-owner owes its personnel on its share of a contract. */
public class CoOwnerObligations {

    /** One co-owner's obligation on one contract. */
    public record CoOwnerObligation(String contractId, String institutionId, String sellerId, BigDecimal share,
                                    String policyId, Money income, Money netIncome, Money requiredReward,
                                    LocalDate dueBy) {
    }

    private final JdbcTemplate jdbc;

    public CoOwnerObligations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param institutionId only this co-owner's rows, or all when null; by contract, then co-owner */
    public List<CoOwnerObligation> find(String institutionId) {
        String sql = "SELECT contract_id, institution_id, seller_id, share, policy_id, income_fen, net_income_fen, "
                + "required_reward_fen, due_by FROM co_owner_obligation"
                + (institutionId == null ? "" : " WHERE institution_id = ?") + " ORDER BY contract_id, institution_id";
        Object[] args = institutionId == null ? new Object[0] : new Object[]{institutionId};
        return jdbc.query(sql, (rs, n) -> new CoOwnerObligation(rs.getString("contract_id"),
                rs.getString("institution_id"), rs.getString("seller_id"), rs.getBigDecimal("share").stripTrailingZeros(),
                rs.getString("policy_id"), Money.ofFen(rs.getLong("income_fen")),
                Money.ofFen(rs.getLong("net_income_fen")), Money.ofFen(rs.getLong("required_reward_fen")),
                rs.getDate("due_by") == null ? null : rs.getDate("due_by").toLocalDate()), args);
    }
}
