package org.techtransfer.ledger.projections.payout;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the payouts read model (API.md: {@code GET /payouts}). */
public class Payouts {

    /**
     * One allocation or payment of a person.
     *
     * @param decisionId the decision of an allocation (null for a payment)
     * @param paymentId  the payment (null for an allocation)
     * @param date       {@code decidedOn} of an allocation, {@code paidOn} of a payment
     */
    public record Item(String contractId, String kind, String decisionId, String paymentId, Money amount,
                       LocalDate date, String reference) {
    }

    /** A person's allocations and payments in the period; {@code unpaid} is allocated less paid. */
    public record PersonPayout(String personId, Money allocated, Money paid, Money unpaid, List<Item> items) {
    }

    private final JdbcTemplate jdbc;

    public Payouts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each argument may be null: every person, from the beginning, to the end. */
    public List<PersonPayout> find(String personId, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("SELECT person_id, contract_id, kind, item_id, amount_fen, item_date, reference "
                + "FROM payout_item WHERE true");
        List<Object> args = new ArrayList<>();
        if (personId != null) {
            sql.append(" AND person_id = ?");
            args.add(personId);
        }
        if (from != null) {
            sql.append(" AND item_date >= ?");
            args.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND item_date <= ?");
            args.add(java.sql.Date.valueOf(to));
        }
        sql.append(" ORDER BY person_id, item_date, contract_id, kind, item_id");
        Map<String, List<Item>> byPerson = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            boolean payment = PayoutProjection.PAYMENT.equals(rs.getString("kind"));
            String item = rs.getString("item_id");
            byPerson.computeIfAbsent(rs.getString("person_id"), p -> new ArrayList<>())
                    .add(new Item(rs.getString("contract_id"), rs.getString("kind"), payment ? null : item,
                            payment ? item : null, Money.ofFen(rs.getLong("amount_fen")),
                            rs.getObject("item_date", LocalDate.class), rs.getString("reference")));
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
            payouts.add(new PersonPayout(person, allocated, paid, allocated.minus(paid), List.copyOf(items)));
        });
        return payouts;
    }
}
