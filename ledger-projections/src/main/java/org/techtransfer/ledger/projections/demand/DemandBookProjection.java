package org.techtransfer.ledger.projections.demand;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.demand.DemandClosed;
import org.techtransfer.ledger.demand.DemandMatched;
import org.techtransfer.ledger.demand.DemandRecorded;
import org.techtransfer.ledger.demand.MatchConcluded;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;

import java.sql.Date;
import java.util.List;

/** Enterprises' technology demands, the matches made for them and each match's outcome ({@link DemandBook}). */
@ProcessingGroup(DemandBookProjection.NAME)
public class DemandBookProjection implements ReadModel {

    public static final String NAME = "technology-demands";
    private static final String DEMAND_COLUMNS = "demand_id, institution_id, enterprise_name, credit_code, region_code, "
            + "need, technology_field, budget, published_on, closed_on, close_reason";
    private static final int CLOSED_ON = 9;
    private static final int CLOSE_REASON = 10;
    private static final int OUTCOME = 4;
    private static final int CONCLUDED_ON = 5;
    private static final int CONTRACT_ID = 6;
    private static final int OUTCOME_NOTE = 7;
    private static final String MATCH_COLUMNS = "demand_id, match_id, matched_on, note, outcome, concluded_on, "
            + "contract_id, outcome_note";

    private final JdbcTemplate jdbc;
    private final RowBuffer<String> demands;
    private final RowBuffer<List<String>> matches;
    private final RowBuffer<List<String>> matchedAchievements;

    public DemandBookProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.demands = new RowBuffer<>(NAME + "/demand", jdbc, "INSERT INTO technology_demand (" + DEMAND_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (demand_id) DO UPDATE SET "
                + "closed_on = EXCLUDED.closed_on, close_reason = EXCLUDED.close_reason", null, id -> new Object[]{id});
        this.matches = new RowBuffer<>(NAME + "/match", jdbc, "INSERT INTO demand_match (" + MATCH_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (demand_id, match_id) DO UPDATE SET "
                + "outcome = EXCLUDED.outcome, concluded_on = EXCLUDED.concluded_on, contract_id = EXCLUDED.contract_id, "
                + "outcome_note = EXCLUDED.outcome_note", null, List::toArray);
        this.matchedAchievements = new RowBuffer<>(NAME + "/achievement", jdbc, "INSERT INTO demand_match_achievement "
                + "(demand_id, match_id, achievement_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", null, List::toArray);
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(DemandRecorded e) {
        demands.upsert(e.demandId(), new Object[]{e.demandId(), e.serviceInstitutionId(), e.enterpriseName(),
                e.creditCode(), e.regionCode(), e.need(), e.technologyField(), e.budget().toBigDecimal(),
                Date.valueOf(e.publishedOn()), null, null});
    }

    @EventHandler
    void on(DemandMatched e) {
        matches.upsert(List.of(e.demandId(), e.matchId()), new Object[]{e.demandId(), e.matchId(),
                Date.valueOf(e.matchedOn()), e.note(), null, null, null, null});
        for (String achievementId : e.achievementIds()) {
            matchedAchievements.upsert(List.of(e.demandId(), e.matchId(), achievementId),
                    new Object[]{e.demandId(), e.matchId(), achievementId});
        }
    }

    @EventHandler
    void on(MatchConcluded e) {
        Object[] row = matches.current(List.of(e.demandId(), e.matchId()),
                "SELECT " + MATCH_COLUMNS + " FROM demand_match WHERE demand_id = ? AND match_id = ?");
        row[OUTCOME] = e.outcome().name();
        row[CONCLUDED_ON] = Date.valueOf(e.concludedOn());
        row[CONTRACT_ID] = e.contractId();
        row[OUTCOME_NOTE] = e.note();
        matches.upsert(List.of(e.demandId(), e.matchId()), row);
    }

    @EventHandler
    void on(DemandClosed e) {
        Object[] row = demands.current(e.demandId(),
                "SELECT " + DEMAND_COLUMNS + " FROM technology_demand WHERE demand_id = ?");
        row[CLOSED_ON] = Date.valueOf(e.closedOn());
        row[CLOSE_REASON] = e.reason();
        demands.upsert(e.demandId(), row);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM technology_demand");
        jdbc.update("DELETE FROM demand_match");
        jdbc.update("DELETE FROM demand_match_achievement");
    }

    @Override
    public String checksum() {
        return TableChecksum.combined(TableChecksum.of(jdbc, "technology_demand", "demand_id"),
                TableChecksum.of(jdbc, "demand_match", "demand_id, match_id"),
                TableChecksum.of(jdbc, "demand_match_achievement", "demand_id, match_id, achievement_id"));
    }
}
