package org.techtransfer.ledger.projections.payout;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.WageTaxReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the payouts read model (docs/api.md: {@code GET /payouts}). */
public class Payouts {

    /**
     * One allocation or payment of a person.
     *
     * @param decisionId     the decision of an allocation (null for a payment)
     * @param paymentId      the payment (null for an allocation)
     * @param date           {@code decidedOn} of an allocation, {@code paidOn} of a payment
     * @param institutionId  the institution that decided or paid it: the contract's seller, or a co-owner on its own
     *                       share
     * @param personName     the person's name as the contract registered it
     * @param reducedWageTax a payment's reduced wage tax (Caishui [2018] No. 58); null for an allocation
     * @param implementationId the self-implementation of a reward on its operating profit (issue 15), whose
     *                         {@code contractId} is null; null for a contract's item
     */
    public record Item(String contractId, String kind, String decisionId, String paymentId, Money amount,
                       LocalDate date, String reference, String institutionId, String personName,
                       ReducedWageTax reducedWageTax, String implementationId) {
    }

    /**
     * A person's allocations and payments in the period; {@code unpaid} is allocated less paid; {@code name} is
     * the name on the contract of the person's latest item.
     */
    public record PersonPayout(String personId, String name, Money allocated, Money paid, Money unpaid, List<Item> items) {
    }

    private final JdbcTemplate jdbc;

    public Payouts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each argument may be null: every person, every institution, from the beginning, to the end.
     *
     * @param institutionId only the items this institution decided or paid (as seller, or as co-owner on its share) and
     *                      those of its self-implementations
     */
    public List<PersonPayout> find(String personId, String institutionId, LocalDate from, LocalDate to) {
        // the tax rows are written by the reward-obligations read model, in the same processor and batches
        // a self-implementation's items beside the contracts', each with its own id
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT i.person_id, i.contract_id, "
                + "CAST(NULL AS VARCHAR) AS implementation_id, i.kind, i.item_id, i.amount_fen, i.item_date, "
                + "i.reference, COALESCE(i.institution_id, p.institution_id) AS institution_id, p.name, t.qualifies, "
                + "t.reason FROM payout_item i "
                + "LEFT JOIN payout_person p ON p.contract_id = i.contract_id AND p.person_id = i.person_id "
                + "LEFT JOIN reward_tax_payment t ON i.kind = 'PAYMENT' AND t.contract_id = i.contract_id "
                + "AND t.payment_id = i.item_id "
                + "UNION ALL SELECT i.person_id, CAST(NULL AS VARCHAR), i.implementation_id, i.kind, i.item_id, "
                + "i.amount_fen, i.item_date, i.reference, p.institution_id, p.name, t.qualifies, t.reason "
                + "FROM implementation_payout_item i LEFT JOIN implementation_payout_person p "
                + "ON p.implementation_id = i.implementation_id AND p.person_id = i.person_id "
                + "LEFT JOIN implementation_tax_payment t ON i.kind = 'PAYMENT' "
                + "AND t.implementation_id = i.implementation_id AND t.payment_id = i.item_id) i WHERE true");
        List<Object> args = new ArrayList<>();
        if (personId != null) {
            sql.append(" AND i.person_id = ?");
            args.add(personId);
        }
        if (institutionId != null) {
            sql.append(" AND i.institution_id = ?");
            args.add(institutionId);
        }
        if (from != null) {
            sql.append(" AND i.item_date >= ?");
            args.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND i.item_date <= ?");
            args.add(java.sql.Date.valueOf(to));
        }
        sql.append(" ORDER BY i.person_id, i.item_date, i.contract_id, i.implementation_id, i.kind, i.item_id");
        Map<String, List<Item>> byPerson = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            boolean payment = PayoutProjection.PAYMENT.equals(rs.getString("kind"));
            String item = rs.getString("item_id");
            String reason = rs.getString("reason");
            ReducedWageTax tax = payment && rs.getObject("qualifies") != null
                    ? new ReducedWageTax(rs.getBoolean("qualifies"), reason == null ? null : WageTaxReason.valueOf(reason))
                    : null;
            byPerson.computeIfAbsent(rs.getString("person_id"), p -> new ArrayList<>())
                    .add(new Item(rs.getString("contract_id"), rs.getString("kind"), payment ? null : item,
                            payment ? item : null, Money.ofFen(rs.getLong("amount_fen")),
                            rs.getObject("item_date", LocalDate.class), rs.getString("reference"),
                            rs.getString("institution_id"), rs.getString("name"), tax,
                            rs.getString("implementation_id")));
        }, args.toArray());
        List<PersonPayout> payouts = new ArrayList<>(byPerson.size());
        byPerson.forEach((person, items) -> {
            Money allocated = Money.ZERO;
            Money paid = Money.ZERO;
            for (Item i : items) {
                if (i.paymentId() != null) {
                    paid = paid.plus(i.amount());
                } else {
                    allocated = allocated.plus(i.amount());
                }
            }
            String name = items.get(items.size() - 1).personName();
            payouts.add(new PersonPayout(person, name, allocated, paid, allocated.minus(paid), List.copyOf(items)));
        });
        return payouts;
    }
}
