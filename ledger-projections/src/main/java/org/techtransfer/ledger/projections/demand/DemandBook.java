package org.techtransfer.ledger.projections.demand;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.demand.MatchOutcome;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads enterprises' technology demands with their matches ({@code GET /demands}) and their regular statistics. */
public class DemandBook {

    public enum DemandStatus {
        OPEN,
        CLOSED
    }

    /** What to list; every field may be null (no condition). {@code institutionId} is the service institution. */
    public record Filter(String institutionId, DemandStatus status, String technologyField, String regionCode) {
    }

    /**
     * One demand.
     *
     * @param matches          how many matches were made for it
     * @param contractsSigned  how many of them ended in a signed contract
     */
    public record DemandSummary(String demandId, String serviceInstitutionId, String enterpriseName, String creditCode,
                                String regionCode, String need, String technologyField, Money budget,
                                LocalDate publishedOn, DemandStatus status, LocalDate closedOn, String closeReason,
                                long matches, long contractsSigned) {
    }

    /** A page of the list: {@code page} is 0-based, {@code total} counts every demand the filter selects. */
    public record DemandPage(List<DemandSummary> items, int page, int size, long total) {
    }

    /** One match: the achievements it named, and its outcome (null while none is recorded). */
    public record DemandMatch(String matchId, List<String> achievementIds, LocalDate matchedOn, String note,
                              MatchOutcome outcome, LocalDate concludedOn, String contractId, String outcomeNote) {
    }

    /** A demand with its matches in the order they were made. */
    public record DemandDetail(DemandSummary demand, List<DemandMatch> matches) {
    }

    /** A match as an achievement's page shows it: which enterprise's demand it answered. */
    public record AchievementMatch(String demandId, String enterpriseName, String matchId, LocalDate matchedOn,
                                   MatchOutcome outcome) {
    }

    private static final String SUMMARY = "SELECT d.*, "
            + "(SELECT count(*) FROM demand_match m WHERE m.demand_id = d.demand_id) AS matches, "
            + "(SELECT count(*) FROM demand_match m WHERE m.demand_id = d.demand_id AND m.outcome = 'CONTRACT_SIGNED') "
            + "AS contracts_signed FROM technology_demand d";

    private final JdbcTemplate jdbc;

    public DemandBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The demands the filter selects, the latest published first (then by id), page {@code page}. */
    public DemandPage find(Filter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more: " + page + ", " + size);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.institutionId() != null) {
            where.append(" AND d.institution_id = ?");
            args.add(filter.institutionId());
        }
        if (filter.status() != null) {
            where.append(filter.status() == DemandStatus.OPEN ? " AND d.closed_on IS NULL" : " AND d.closed_on IS NOT NULL");
        }
        if (filter.technologyField() != null) {
            where.append(" AND d.technology_field = ?");
            args.add(filter.technologyField());
        }
        if (filter.regionCode() != null) {
            where.append(" AND d.region_code = ?");
            args.add(filter.regionCode());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM technology_demand d" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<DemandSummary> items = jdbc.query(SUMMARY + where + " ORDER BY d.published_on DESC, d.demand_id LIMIT ? OFFSET ?",
                (rs, n) -> summary(rs), pageArgs.toArray());
        return new DemandPage(items, page, size, total == null ? 0 : total);
    }

    /** The demand with its matches, or empty when the read model has no such demand. */
    public Optional<DemandDetail> demand(String demandId) {
        List<DemandSummary> found = jdbc.query(SUMMARY + " WHERE d.demand_id = ?", (rs, n) -> summary(rs), demandId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> named = new LinkedHashMap<>();
        jdbc.query("SELECT match_id, achievement_id FROM demand_match_achievement WHERE demand_id = ? "
                + "ORDER BY match_id, achievement_id", rs -> {
            named.computeIfAbsent(rs.getString("match_id"), k -> new ArrayList<>()).add(rs.getString("achievement_id"));
        }, demandId);
        List<DemandMatch> matches = jdbc.query("SELECT * FROM demand_match WHERE demand_id = ? ORDER BY matched_on, match_id",
                (rs, n) -> new DemandMatch(rs.getString("match_id"), List.copyOf(named.getOrDefault(rs.getString("match_id"),
                        List.of())), rs.getObject("matched_on", LocalDate.class), rs.getString("note"),
                        outcome(rs.getString("outcome")), rs.getObject("concluded_on", LocalDate.class),
                        rs.getString("contract_id"), rs.getString("outcome_note")), demandId);
        return Optional.of(new DemandDetail(found.get(0), matches));
    }

    /** The matches that named the achievement, the latest first. */
    public List<AchievementMatch> matchesOf(String achievementId) {
        return jdbc.query("SELECT d.demand_id, d.enterprise_name, m.match_id, m.matched_on, m.outcome "
                        + "FROM demand_match_achievement a JOIN demand_match m USING (demand_id, match_id) "
                        + "JOIN technology_demand d USING (demand_id) WHERE a.achievement_id = ? "
                        + "ORDER BY m.matched_on DESC, d.demand_id, m.match_id",
                (rs, n) -> new AchievementMatch(rs.getString("demand_id"), rs.getString("enterprise_name"),
                        rs.getString("match_id"), rs.getObject("matched_on", LocalDate.class),
                        outcome(rs.getString("outcome"))), achievementId);
    }

    /** The demands' regular statistics: grouped by period of publication, by field or by service institution. */
    public enum Grouping {
        YEAR("extract(year FROM published_on)::int::text"),
        QUARTER("extract(year FROM published_on)::int || '-Q' || extract(quarter FROM published_on)::int"),
        FIELD("technology_field"),
        INSTITUTION("institution_id");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /**
     * One group of demands: how many, how many were matched (at least one match, whenever made) and their share
     * (per cent, rounded down), how many led to a signed contract, and the average days from publication to the
     * first match.
     */
    public record DemandGroup(String key, long demands, long matched, BigDecimal matchedPercent, long contracted,
                        BigDecimal averageDaysToFirstMatch) {
    }

    /** The demands grouped, only those published in {@code year} when it is given. */
    public List<DemandGroup> grouped(Grouping grouping, Integer year) {
        String sql = "WITH facts AS (SELECT d.*, (SELECT min(m.matched_on) FROM demand_match m "
                + "WHERE m.demand_id = d.demand_id) AS first_match, EXISTS (SELECT 1 FROM demand_match m "
                + "WHERE m.demand_id = d.demand_id AND m.outcome = 'CONTRACT_SIGNED') AS contracted "
                + "FROM technology_demand d) "
                + "SELECT " + grouping.key + " AS k, count(*) AS n, count(first_match) AS matched, "
                + "count(*) FILTER (WHERE contracted) AS contracted, round(avg(first_match - published_on), 1) AS days "
                + "FROM facts" + (year == null ? "" : " WHERE published_on >= make_date(?, 1, 1) "
                + "AND published_on < make_date(? + 1, 1, 1)") + " GROUP BY k ORDER BY k";
        Object[] args = year == null ? new Object[0] : new Object[]{year, year};
        return jdbc.query(sql, (rs, i) -> {
            long n = rs.getLong("n");
            long matched = rs.getLong("matched");
            return new DemandGroup(rs.getString("k"), n, matched, BigDecimal.valueOf(matched * 100)
                    .divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN), rs.getLong("contracted"), rs.getBigDecimal("days"));
        }, args);
    }

    private static DemandSummary summary(ResultSet rs) throws SQLException {
        LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
        return new DemandSummary(rs.getString("demand_id"), rs.getString("institution_id"), rs.getString("enterprise_name"),
                rs.getString("credit_code"), rs.getString("region_code"), rs.getString("need"),
                rs.getString("technology_field"), Money.of(rs.getBigDecimal("budget")),
                rs.getObject("published_on", LocalDate.class), closedOn == null ? DemandStatus.OPEN : DemandStatus.CLOSED, closedOn,
                rs.getString("close_reason"), rs.getLong("matches"), rs.getLong("contracts_signed"));
    }

    private static MatchOutcome outcome(String name) {
        return name == null ? null : MatchOutcome.valueOf(name);
    }
}
