package org.techtransfer.ledger.projections.indicator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.incubation.EnterpriseGraduated;
import org.techtransfer.ledger.incubation.IncubationRecorded;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;
import org.techtransfer.ledger.region.PatentStockRecorded;
import org.techtransfer.ledger.region.PopulationRecorded;

import java.sql.Date;
import java.util.List;

/**
 * What the plan's first two indicators are computed from besides the reserve library: the enterprises in
 * incubators, and each region's population and patent stock per year, the last recorded figure of each.
 */
@ProcessingGroup(IndicatorFiguresProjection.NAME)
public class IndicatorFiguresProjection implements ReadModel {

    public static final String NAME = "indicator-figures";
    private static final String INCUBATION_COLUMNS =
            "incubation_id, incubator_id, incubator_region, enterprise_name, credit_code, entered_on, graduated_on";
    private static final int GRADUATED_ON = 6;

    private final JdbcTemplate jdbc;
    private final RowBuffer<String> incubations;
    // population and stock are separate columns of one row: each buffer writes only its own
    private final RowBuffer<List<Object>> populations;
    private final RowBuffer<List<Object>> stocks;

    public IndicatorFiguresProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incubations = new RowBuffer<>(NAME + "/incubation", jdbc, "INSERT INTO incubation (" + INCUBATION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (incubation_id) DO UPDATE SET graduated_on = EXCLUDED.graduated_on",
                null, id -> new Object[]{id});
        this.populations = new RowBuffer<>(NAME + "/population", jdbc, "INSERT INTO region_figure (region_code, year, "
                + "population, population_source) VALUES (?, ?, ?, ?) ON CONFLICT (region_code, year) DO UPDATE SET "
                + "population = EXCLUDED.population, population_source = EXCLUDED.population_source",
                null, List::toArray);
        this.stocks = new RowBuffer<>(NAME + "/stock", jdbc, "INSERT INTO region_figure (region_code, year, "
                + "patent_stock, stock_source) VALUES (?, ?, ?, ?) ON CONFLICT (region_code, year) DO UPDATE SET "
                + "patent_stock = EXCLUDED.patent_stock, stock_source = EXCLUDED.stock_source",
                null, List::toArray);
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(IncubationRecorded e) {
        incubations.upsert(e.incubationId(), new Object[]{e.incubationId(), e.incubatorInstitutionId(),
                e.incubatorRegionCode(), e.enterpriseName(), e.creditCode(), Date.valueOf(e.enteredOn()),
                e.graduatedOn() == null ? null : Date.valueOf(e.graduatedOn())});
    }

    @EventHandler
    void on(EnterpriseGraduated e) {
        Object[] row = currentIncubation(e.incubationId());
        row[GRADUATED_ON] = Date.valueOf(e.graduatedOn());
        incubations.upsert(e.incubationId(), row);
    }

    @EventHandler
    void on(PopulationRecorded e) {
        populations.upsert(List.of(e.regionCode(), e.year()),
                new Object[]{e.regionCode(), e.year(), e.population(), e.source()});
    }

    @EventHandler
    void on(PatentStockRecorded e) {
        stocks.upsert(List.of(e.regionCode(), e.year()),
                new Object[]{e.regionCode(), e.year(), e.inventionPatents(), e.source()});
    }

    /** The incubation's row as this batch last wrote it, or as it stands in the table. */
    private Object[] currentIncubation(String incubationId) {
        Object[] pending = incubations.pending(incubationId);
        if (pending != null) {
            return pending.clone();
        }
        List<Object[]> stored = jdbc.query("SELECT " + INCUBATION_COLUMNS + " FROM incubation WHERE incubation_id = ?",
                (rs, n) -> {
                    Object[] row = new Object[7];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    return row;
                }, incubationId);
        if (stored.isEmpty()) {
            throw new IllegalStateException("no row for incubation " + incubationId + " before its graduation");
        }
        return stored.get(0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM incubation");
        jdbc.update("DELETE FROM region_figure");
    }

    @Override
    public String checksum() {
        return TableChecksum.combined(TableChecksum.of(jdbc, "incubation", "incubation_id"),
                TableChecksum.of(jdbc, "region_figure", "region_code, year"));
    }
}
