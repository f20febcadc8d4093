package org.techtransfer.ledger.projections.reward;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.WageTaxReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reduced wage tax of cash payments ({@code GET /reports/reward-tax}): per person and year, the cash
 * paid that qualifies for the reduced treatment (Caishui [2018] No. 58) and the other, with each payment and its
 * tag. The ledger tags; it computes no tax.
 */
public class RewardTaxReport {

    /**
     * One payment of the year with its tag.
     *
     * @param implementationId the self-implementation that paid a reward on its operating profit (issue 15), whose
     *                         {@code contractId} is null; null for a contract's payment
     */
    public record TaxedPayment(String contractId, String paymentId, String institutionId, Money amount,
                               LocalDate paidOn, ReducedWageTax reducedWageTax, String implementationId) {
    }

    /** A person's cash paid in the year: {@code qualifying + other} is all of it. */
    public record PersonTax(String personId, Money qualifying, Money other, List<TaxedPayment> payments) {
    }

    private final JdbcTemplate jdbc;

    public RewardTaxReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The payments made in {@code year}, of one institution's contracts and self-implementations or, with null, of all. */
    public List<PersonTax> find(int year, String institutionId) {
        // a self-implementation's payments beside the contracts', each with its own id
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT contract_id, "
                + "CAST(NULL AS VARCHAR) AS implementation_id, payment_id, institution_id, person_id, amount_fen, "
                + "paid_on, qualifies, reason FROM reward_tax_payment UNION ALL SELECT CAST(NULL AS VARCHAR), "
                + "implementation_id, payment_id, institution_id, person_id, amount_fen, paid_on, qualifies, reason "
                + "FROM implementation_tax_payment) t WHERE paid_on >= ? AND paid_on < ?");
        List<Object> args = new ArrayList<>(List.of(java.sql.Date.valueOf(LocalDate.of(year, 1, 1)),
                java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1))));
        if (institutionId != null) {
            sql.append(" AND institution_id = ?");
            args.add(institutionId);
        }
        sql.append(" ORDER BY person_id, paid_on, contract_id, implementation_id, payment_id");
        Map<String, List<TaxedPayment>> byPerson = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String reason = rs.getString("reason");
            byPerson.computeIfAbsent(rs.getString("person_id"), p -> new ArrayList<>())
                    .add(new TaxedPayment(rs.getString("contract_id"), rs.getString("payment_id"),
                            rs.getString("institution_id"), Money.ofFen(rs.getLong("amount_fen")),
                            rs.getObject("paid_on", LocalDate.class),
                            new ReducedWageTax(rs.getBoolean("qualifies"),
                                    reason == null ? null : WageTaxReason.valueOf(reason)),
                            rs.getString("implementation_id")));
        }, args.toArray());
        List<PersonTax> people = new ArrayList<>(byPerson.size());
        byPerson.forEach((person, payments) -> {
            Money qualifying = Money.ZERO;
            Money other = Money.ZERO;
            for (TaxedPayment p : payments) {
                if (p.reducedWageTax().qualifies()) {
                    qualifying = qualifying.plus(p.amount());
                } else {
                    other = other.plus(p.amount());
                }
            }
            people.add(new PersonTax(person, qualifying, other, List.copyOf(payments)));
        });
        return people;
    }
}
