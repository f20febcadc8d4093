package org.techtransfer.ledger.projections.contract;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.reward.RewardStatus;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the contract catalogue: the console's list of contracts ({@code GET /contracts}), filtered and paged. */
public class ContractCatalog {

    /**
     * What to list; every field may be null (no condition).
     *
     * @param institutionId the seller institution
     * @param year          the year of {@code signedOn}
     * @param status        the reward status on the day asked
     * @param q             a case-insensitive part of the contract id, registration number, buyer, technology
     *                      field, or a contributor's name or person id
     */
    public record Filter(String institutionId, ContractKind kind, Integer year, RewardStatus status, String q) {
    }

    /**
     * One contract of the list. The reward figures come from the reward obligations read model; they are null
     * only while that read model has no row for the contract (its events wait there as dead letters).
     */
    public record ContractSummary(String contractId, String registrationNumber, String institutionId, ContractKind kind,
                       String buyerName, String technologyField, LocalDate signedOn, Money totalAmount,
                       Money technologyAmount, boolean terminated, Money netIncome, Money requiredReward,
                       Money rewardDecided, Money rewardPaid, Money outstanding, RewardStatus status, LocalDate dueBy) {
    }

    /** A page of the list: {@code page} is 0-based, {@code total} counts every contract the filter selects. */
    public record ContractPage(List<ContractSummary> items, int page, int size, long total) {
    }

    private final JdbcTemplate jdbc;

    public ContractCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The contracts the filter selects, signed most recently first (then by contract id), page {@code page}
     * of pages of {@code size}, with the reward status on {@code today}.
     */
    public ContractPage find(Filter filter, int page, int size, LocalDate today) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more: " + page + ", " + size);
        }
        String status = RewardObligationProjection.STATUS_ON;
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> whereArgs = new ArrayList<>();
        if (filter.institutionId() != null) {
            where.append(" AND c.institution_id = ?");
            whereArgs.add(filter.institutionId());
        }
        if (filter.kind() != null) {
            where.append(" AND c.kind = ?");
            whereArgs.add(filter.kind().name());
        }
        if (filter.year() != null) {
            // a range on signed_on, which the indexes hold, rather than extract(year ...)
            where.append(" AND c.signed_on >= ? AND c.signed_on < ?");
            whereArgs.add(Date.valueOf(LocalDate.of(filter.year(), 1, 1)));
            whereArgs.add(Date.valueOf(LocalDate.of(filter.year() + 1, 1, 1)));
        }
        if (filter.status() != null) {
            where.append(" AND ").append(status).append(" = ?");
            whereArgs.add(Date.valueOf(today));
            whereArgs.add(filter.status().name());
        }
        if (filter.q() != null) {
            where.append(" AND strpos(c.search_text, ?) > 0");
            whereArgs.add(ContractCatalogProjection.searchable(filter.q()));
        }
        String from = " FROM contract_catalog c LEFT JOIN reward_obligation o ON o.contract_id = c.contract_id" + where;
        // one statement, so the page and the total are of one snapshot; the count comes even for a page past the end.
        // The page is its own query, not a slice of a selection shared with the count: so it walks the newest-first
        // index and joins the obligations of its rows only (the count leaves out the join when it reads none of them)
        String sql = "SELECT n.total, p.* FROM (SELECT count(*) AS total" + from + ") n LEFT JOIN LATERAL "
                + "(SELECT c.*, o.net_income_fen, o.required_reward_fen, o.reward_decided_fen, o.reward_paid_fen, "
                + "o.outstanding_fen, o.due_by, " + status + " AS status" + from
                + " ORDER BY c.signed_on DESC, c.contract_id OFFSET ? LIMIT ?) p ON true";
        List<Object> args = new ArrayList<>(whereArgs);
        args.add(Date.valueOf(today)); // the status column of the page
        args.addAll(whereArgs);
        args.add((long) page * size);
        args.add(size);
        List<ContractSummary> items = new ArrayList<>();
        long[] total = {0};
        jdbc.query(sql, rs -> {
            total[0] = rs.getLong("total");
            if (rs.getString("contract_id") != null) {
                items.add(item(rs));
            }
        }, args.toArray());
        return new ContractPage(List.copyOf(items), page, size, total[0]);
    }

    private static ContractSummary item(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new ContractSummary(rs.getString("contract_id"), rs.getString("registration_number"), rs.getString("institution_id"),
                ContractKind.valueOf(rs.getString("kind")), rs.getString("buyer_name"), rs.getString("technology_field"),
                rs.getObject("signed_on", LocalDate.class), Money.ofFen(rs.getLong("total_fen")),
                Money.ofFen(rs.getLong("technology_fen")), rs.getBoolean("terminated"), money(rs, "net_income_fen"),
                money(rs, "required_reward_fen"), money(rs, "reward_decided_fen"), money(rs, "reward_paid_fen"),
                money(rs, "outstanding_fen"), status == null ? null : RewardStatus.valueOf(status),
                rs.getObject("due_by", LocalDate.class));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        long fen = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofFen(fen);
    }

    /** The ids of every contract the institution sells, in order of id (issue 23's annual report reads each). */
    public List<String> idsOf(String institutionId) {
        return jdbc.queryForList("SELECT contract_id FROM contract_catalog WHERE institution_id = ? ORDER BY contract_id",
                String.class, institutionId);
    }
}
