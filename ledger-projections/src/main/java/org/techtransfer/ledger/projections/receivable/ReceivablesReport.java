package org.techtransfer.ledger.projections.receivable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.money.Money;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the receivables read model: per contract with payment terms, and their totals per institution. */
public class ReceivablesReport {

    /** One contract's receivables on the day asked. */
    public record ContractReceivables(String contractId, String institutionId, Money expected, Money received,
                                      Money outstanding, Money overdue, Money forecastReward) {
    }

    /** An institution's receivables: its contracts' added up. */
    public record InstitutionReceivables(String institutionId, Money expected, Money received, Money outstanding,
                                         Money overdue, Money forecastReward, List<ContractReceivables> contracts) {
    }

    private final JdbcTemplate jdbc;

    public ReceivablesReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param institutionId only this seller's contracts, or all when null
     * @return one entry per institution, in order of id, each with its contracts in order of id
     */
    public List<InstitutionReceivables> find(String institutionId, LocalDate today) {
        String sql = """
                SELECT r.contract_id, r.institution_id, r.expected_fen, r.received_fen, r.outstanding_fen,
                       r.forecast_reward_fen,
                       (SELECT coalesce(sum(o.fen), 0) FROM unnest(r.open_due, r.open_fen) AS o(due, fen)
                        WHERE o.due < ?) AS overdue_fen
                FROM receivable r""" + (institutionId == null ? "" : " WHERE r.institution_id = ?")
                + " ORDER BY r.institution_id, r.contract_id";
        Object[] args = institutionId == null ? new Object[]{Date.valueOf(today)}
                : new Object[]{Date.valueOf(today), institutionId};
        List<ContractReceivables> rows = jdbc.query(sql, (rs, n) -> new ContractReceivables(rs.getString("contract_id"),
                rs.getString("institution_id"), Money.ofFen(rs.getLong("expected_fen")),
                Money.ofFen(rs.getLong("received_fen")), Money.ofFen(rs.getLong("outstanding_fen")),
                Money.ofFen(rs.getLong("overdue_fen")), Money.ofFen(rs.getLong("forecast_reward_fen"))), args);
        Map<String, List<ContractReceivables>> byInstitution = new LinkedHashMap<>();
        rows.forEach(r -> byInstitution.computeIfAbsent(r.institutionId(), k -> new ArrayList<>()).add(r));
        return byInstitution.entrySet().stream().map(e -> total(e.getKey(), e.getValue())).toList();
    }

    private static InstitutionReceivables total(String institutionId, List<ContractReceivables> contracts) {
        Money expected = Money.ZERO;
        Money received = Money.ZERO;
        Money outstanding = Money.ZERO;
        Money overdue = Money.ZERO;
        Money forecast = Money.ZERO;
        for (ContractReceivables c : contracts) {
            expected = expected.plus(c.expected());
            received = received.plus(c.received());
            outstanding = outstanding.plus(c.outstanding());
            overdue = overdue.plus(c.overdue());
            forecast = forecast.plus(c.forecastReward());
        }
        return new InstitutionReceivables(institutionId, expected, received, outstanding, overdue, forecast,
                List.copyOf(contracts));
    }
}
