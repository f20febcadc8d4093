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

    /** One payment of the year with its tag. */
    public record TaxedPayment(String contractId, String paymentId, String institutionId, Money amount,
                               LocalDate paidOn, ReducedWageTax reducedWageTax) {
    }

    /** A person's cash paid in the year: {@code qualifying + other} is all of it. */
    public record PersonTax(String personId, Money qualifying, Money other, List<TaxedPayment> payments) {
    }

    private final JdbcTemplate jdbc;

    public RewardTaxReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The payments made in {@code year}, of one institution's contracts or, with null, of all. */
    public List<PersonTax> find(int year, String institutionId) {
        StringBuilder sql = new StringBuilder("SELECT contract_id, payment_id, institution_id, person_id, amount_fen,"
                + " paid_on, qualifies, reason FROM reward_tax_payment WHERE paid_on >= ? AND paid_on < ?");
        List<Object> args = new ArrayList<>(List.of(java.sql.Date.valueOf(LocalDate.of(year, 1, 1)),
                java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1))));
        if (institutionId != null) {
            sql.append(" AND institution_id = ?");
            args.add(institutionId);
        }
        sql.append(" ORDER BY person_id, paid_on, contract_id, payment_id");
        Map<String, List<TaxedPayment>> byPerson = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String reason = rs.getString("reason");
            byPerson.computeIfAbsent(rs.getString("person_id"), p -> new ArrayList<>())
                    .add(new TaxedPayment(rs.getString("contract_id"), rs.getString("payment_id"),
                            rs.getString("institution_id"), Money.ofFen(rs.getLong("amount_fen")),
                            rs.getObject("paid_on", LocalDate.class),
                            new ReducedWageTax(rs.getBoolean("qualifies"),
                                    reason == null ? null : WageTaxReason.valueOf(reason))));
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
