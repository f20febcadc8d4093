package org.techtransfer.ledger.projections.achievement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.achievement.AchievementKind;
import org.techtransfer.ledger.achievement.Inventor;
import org.techtransfer.ledger.achievement.Stage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the reserve library ({@code GET /achievements}) and the invention patents the indicators count. */
public class AchievementRegistry {

    /**
     * What to list; every field may be null (no condition).
     *
     * @param institutionId one of the owners
     * @param stage         the stage the library answers, TRANSFORMED once a contract names the achievement
     */
    public record Filter(String institutionId, AchievementKind kind, Stage stage, String technologyField,
                         String regionCode) {
    }

    /**
     * One achievement.
     *
     * @param stage         TRANSFORMED when a registered contract names it, else {@code recordedStage}
     * @param recordedStage the stage it was registered in or last moved to
     * @param contracts     the registered contracts that name its id or its grant or filing number
     */
    public record AchievementSummary(String achievementId, AchievementKind kind, String title, List<String> ownerInstitutionIds,
                       List<Inventor> inventors, String technologyField, String number, LocalDate numberDate,
                       String regionCode, Stage stage, Stage recordedStage, List<String> contracts,
                       Instant registeredAt) {
    }

    /** A page of the list: {@code page} is 0-based, {@code total} counts every achievement the filter selects. */
    public record AchievementPage(List<AchievementSummary> items, int page, int size, long total) {
    }

    /** Each achievement with its recorded stage, the contracts naming it, and the stage the library answers. */
    private static final String LIBRARY = "WITH lib AS (SELECT a.*, s.stage AS recorded_stage, s.moved_at, "
            + "ARRAY(SELECT DISTINCT c.contract_id FROM achievement_contract c "
            + "WHERE c.named IN (a.achievement_id, a.number) ORDER BY c.contract_id) AS contracts "
            + "FROM achievement a JOIN achievement_stage s USING (achievement_id)) "
            + "SELECT *, CASE WHEN cardinality(contracts) > 0 THEN 'TRANSFORMED' ELSE recorded_stage END AS stage FROM lib";

    private final JdbcTemplate jdbc;

    public AchievementRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The achievements the filter selects, the latest grant or filing first (then by id), page {@code page}. */
    public AchievementPage find(Filter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more: " + page + ", " + size);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (filter.institutionId() != null) {
            where.append(" AND ? = ANY(owner_ids)");
            args.add(filter.institutionId());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.stage() != null) {
            where.append(" AND stage = ?");
            args.add(filter.stage().name());
        }
        if (filter.technologyField() != null) {
            where.append(" AND technology_field = ?");
            args.add(filter.technologyField());
        }
        if (filter.regionCode() != null) {
            where.append(" AND region_code = ?");
            args.add(filter.regionCode());
        }
        String selected = "SELECT * FROM (" + LIBRARY + ") l" + where;
        Long total = jdbc.queryForObject("SELECT count(*) FROM (" + selected + ") t", Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AchievementSummary> items = jdbc.query(selected + " ORDER BY number_date DESC, achievement_id LIMIT ? OFFSET ?",
                (rs, n) -> item(rs), pageArgs.toArray());
        return new AchievementPage(items, page, size, total == null ? 0 : total);
    }

    /** One achievement, or empty when the registry has none of that id. */
    public Optional<AchievementSummary> achievement(String achievementId) {
        return jdbc.query("SELECT * FROM (" + LIBRARY + ") l WHERE achievement_id = ?", (rs, n) -> item(rs), achievementId)
                .stream().findFirst();
    }

    /** The library's regular statistics: its achievements grouped by period of registration or by a dimension. */
    public enum Grouping {
        YEAR("extract(year FROM registered_on)::int::text"),
        QUARTER("extract(year FROM registered_on)::int || '-Q' || extract(quarter FROM registered_on)::int"),
        STAGE("stage"),
        KIND("kind"),
        FIELD("technology_field"),
        // a co-owned achievement counts for each of its owners
        INSTITUTION("owner");

        private final String key;

        Grouping(String key) {
            this.key = key;
        }
    }

    /**
     * One group: how many achievements, how many of them transformed and their share (per cent, rounded down),
     * and the average days from registration to transformation (a contract signed before the registration counts 0).
     */
    public record Group(String key, long achievements, long transformed, BigDecimal transformedPercent,
                        BigDecimal averageDaysToTransformation) {
    }

    /**
     * The library grouped, only achievements registered in {@code year} when it is given. Registration dates are
     * taken in {@code zone}, the ledger's calendar; an achievement is transformed on its first contract's signing
     * date, or on the day it was moved to TRANSFORMED.
     */
    public List<Group> grouped(Grouping grouping, Integer year, ZoneId zone) {
        String sql = "WITH facts AS (SELECT l.*, (registered_at AT TIME ZONE ?)::date AS registered_on, "
                + "CASE WHEN cardinality(contracts) > 0 THEN (SELECT min(c.signed_on) FROM achievement_contract c "
                + "WHERE c.named IN (l.achievement_id, l.number)) "
                + "WHEN recorded_stage = 'TRANSFORMED' THEN (moved_at AT TIME ZONE ?)::date END AS transformed_on "
                + "FROM (" + LIBRARY + ") l) "
                + "SELECT " + grouping.key + " AS k, count(*) AS n, count(*) FILTER (WHERE stage = 'TRANSFORMED') AS t, "
                + "round(avg(greatest(transformed_on - registered_on, 0)) FILTER (WHERE stage = 'TRANSFORMED'), 1) AS days "
                + "FROM facts" + (grouping == Grouping.INSTITUTION ? " CROSS JOIN unnest(owner_ids) AS owner" : "")
                + (year == null ? "" : " WHERE extract(year FROM registered_on) = ?") + " GROUP BY k ORDER BY k";
        List<Object> args = new ArrayList<>(List.of(zone.getId(), zone.getId()));
        if (year != null) {
            args.add(year);
        }
        return jdbc.query(sql, (rs, i) -> {
            long n = rs.getLong("n");
            long t = rs.getLong("t");
            return new Group(rs.getString("k"), n, t, BigDecimal.valueOf(t * 100).divide(BigDecimal.valueOf(n), 2,
                    RoundingMode.DOWN), rs.getBigDecimal("days"));
        }, args.toArray());
    }

    /**
     * Invention patents granted by the end of {@code year}, of the region when one is given. A withdrawal from
     * the library is no lapse of the patent: it is still counted.
     */
    public long inventionPatentsInForce(int year, String regionCode) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM achievement WHERE kind = 'INVENTION_PATENT' "
                        + "AND number_date <= make_date(?, 12, 31) AND (CAST(? AS TEXT) IS NULL OR region_code = ?)",
                Long.class, year, regionCode, regionCode);
        return n == null ? 0 : n;
    }

    private static AchievementSummary item(ResultSet rs) throws SQLException {
        List<String> names = strings(rs.getArray("inventor_names"));
        List<String> personIds = strings(rs.getArray("inventor_person_ids"));
        List<Inventor> inventors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            // PostgreSQL splits an empty text into no element: one inventor without a person id has an empty array
            inventors.add(new Inventor(names.get(i), i < personIds.size() ? personIds.get(i) : null));
        }
        return new AchievementSummary(rs.getString("achievement_id"), AchievementKind.valueOf(rs.getString("kind")),
                rs.getString("title"), strings(rs.getArray("owner_ids")), inventors, rs.getString("technology_field"),
                rs.getString("number"), rs.getObject("number_date", LocalDate.class), rs.getString("region_code"),
                Stage.valueOf(rs.getString("stage")), Stage.valueOf(rs.getString("recorded_stage")),
                strings(rs.getArray("contracts")), rs.getTimestamp("registered_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** The achievements an institution owns or co-owns that were granted or filed in the year (the annual report). */
    public long obtainedIn(String institutionId, int year) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM achievement WHERE ? = ANY(owner_ids) "
                + "AND number_date >= make_date(?, 1, 1) AND number_date < make_date(?, 1, 1)", Long.class,
                institutionId, year, year + 1);
        return count == null ? 0 : count;
    }
}
