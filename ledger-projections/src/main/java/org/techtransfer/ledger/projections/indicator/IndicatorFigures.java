package org.techtransfer.ledger.projections.indicator;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

/** Reads the incubations and the regions' reference figures for a year (the indicators of the plan). */
public class IndicatorFigures {

    /**
     * The enterprises in incubation at some time of a year: entered by its end and not graduated before its start.
     * Counted by unified social credit code, so an enterprise in two incubators counts once.
     *
     * @param incubators  how many of them each incubator held, by incubator id
     */
    public record Incubated(long enterprises, long entered, long graduated, List<PerIncubator> incubators) {
    }

    public record PerIncubator(String incubatorInstitutionId, long enterprises) {
    }

    /**
     * A region's (or every region's, summed) figures for a year; a figure never recorded is null.
     *
     * @param sources each figure's source as recorded, "region: source", in region order
     */
    public record RegionFigures(Long population, List<String> populationSources, Long patentStock,
                                List<String> stockSources) {
    }

    /** One enterprise's stay in an incubator; {@code graduatedOn} is null while it is there. */
    public record IncubationSummary(String incubationId, String incubatorInstitutionId, String enterpriseName,
                                    String creditCode, LocalDate enteredOn, LocalDate graduatedOn) {
    }

    /** A page of incubations: {@code page} is 0-based, {@code total} counts every one selected. */
    public record IncubationPage(List<IncubationSummary> items, int page, int size, long total) {
    }

    private static final String IN_YEAR = "entered_on <= make_date(?, 12, 31) "
            + "AND (graduated_on IS NULL OR graduated_on >= make_date(?, 1, 1)) "
            + "AND (CAST(? AS TEXT) IS NULL OR incubator_region = ?)";

    private final JdbcTemplate jdbc;

    public IndicatorFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The incubations of {@code year}, of incubators in the region when one is given. */
    public Incubated incubated(int year, String regionCode) {
        Object[] inYear = {year, year, regionCode, regionCode};
        long enterprises = count("SELECT count(DISTINCT credit_code) FROM incubation WHERE " + IN_YEAR, inYear);
        long entered = count("SELECT count(DISTINCT credit_code) FROM incubation WHERE extract(year FROM entered_on) = ? "
                + "AND (CAST(? AS TEXT) IS NULL OR incubator_region = ?)", year, regionCode, regionCode);
        long graduated = count("SELECT count(DISTINCT credit_code) FROM incubation WHERE extract(year FROM graduated_on) = ? "
                + "AND (CAST(? AS TEXT) IS NULL OR incubator_region = ?)", year, regionCode, regionCode);
        List<PerIncubator> incubators = jdbc.query("SELECT incubator_id, count(DISTINCT credit_code) AS n FROM incubation "
                + "WHERE " + IN_YEAR + " GROUP BY incubator_id ORDER BY incubator_id",
                (rs, i) -> new PerIncubator(rs.getString("incubator_id"), rs.getLong("n")), inYear);
        return new Incubated(enterprises, entered, graduated, incubators);
    }

    /** The incubations of the incubator (of every one when null), the latest entry first, page {@code page}. */
    public IncubationPage incubations(String incubatorInstitutionId, int page, int size) {
        String where = " FROM incubation WHERE (CAST(? AS TEXT) IS NULL OR incubator_id = ?)";
        long total = count("SELECT count(*)" + where, incubatorInstitutionId, incubatorInstitutionId);
        List<IncubationSummary> items = jdbc.query("SELECT *" + where + " ORDER BY entered_on DESC, incubation_id "
                        + "LIMIT ? OFFSET ?",
                (rs, n) -> new IncubationSummary(rs.getString("incubation_id"), rs.getString("incubator_id"),
                        rs.getString("enterprise_name"), rs.getString("credit_code"),
                        rs.getObject("entered_on", LocalDate.class), rs.getObject("graduated_on", LocalDate.class)),
                incubatorInstitutionId, incubatorInstitutionId, size, (long) page * size);
        return new IncubationPage(items, page, size, total);
    }

    /** The figures of {@code year} for the region, or summed over every region recorded when none is given. */
    public RegionFigures region(int year, String regionCode) {
        String where = " FROM region_figure WHERE year = ? AND (CAST(? AS TEXT) IS NULL OR region_code = ?)";
        Object[] args = {year, regionCode, regionCode};
        Long population = jdbc.queryForObject("SELECT sum(population)" + where, Long.class, args);
        Long stock = jdbc.queryForObject("SELECT sum(patent_stock)" + where, Long.class, args);
        List<String> populationSources = jdbc.queryForList("SELECT region_code || ': ' || population_source" + where
                + " AND population IS NOT NULL ORDER BY region_code", String.class, args);
        List<String> stockSources = jdbc.queryForList("SELECT region_code || ': ' || stock_source" + where
                + " AND patent_stock IS NOT NULL ORDER BY region_code", String.class, args);
        return new RegionFigures(population, populationSources, stock, stockSources);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
