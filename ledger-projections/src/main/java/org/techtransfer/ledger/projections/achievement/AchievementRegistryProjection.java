package org.techtransfer.ledger.projections.achievement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.achievement.AchievementMoved;
import org.techtransfer.ledger.achievement.AchievementRegistered;
import org.techtransfer.ledger.achievement.Inventor;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

/**
 * The reserve library: each achievement as registered, the stage it was last moved to, and what registered
 * contracts name. An achievement a contract names is transformed by rule (docs/domain.md); that is decided when
 * the library is read ({@link AchievementRegistry}), so a contract registered before its achievement counts too.
 */
@ProcessingGroup(AchievementRegistryProjection.NAME)
public class AchievementRegistryProjection implements ReadModel {

    public static final String NAME = "achievement-registry";
    /** Separates the elements of an array sent as one text: no id or name holds a control character. */
    private static final String SEPARATOR = "\u001f";

    private final JdbcTemplate jdbc;
    private final RowBuffer<String> achievements;
    private final RowBuffer<String> stages;
    private final RowBuffer<List<String>> named;

    public AchievementRegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.achievements = new RowBuffer<>(NAME + "/achievement", jdbc, "INSERT INTO achievement (achievement_id, kind, "
                + "title, owner_ids, inventor_names, inventor_person_ids, technology_field, number, number_date, "
                + "region_code, registered_at) VALUES (?, ?, ?, string_to_array(?, chr(31)), string_to_array(?, chr(31)), "
                + "string_to_array(?, chr(31), ''), ?, ?, ?, ?, ?) ON CONFLICT (achievement_id) DO NOTHING", null, id -> new Object[]{id});
        this.stages = new RowBuffer<>(NAME + "/stage", jdbc, "INSERT INTO achievement_stage (achievement_id, stage, moved_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (achievement_id) DO UPDATE SET stage = EXCLUDED.stage, moved_at = EXCLUDED.moved_at",
                null, id -> new Object[]{id});
        this.named = new RowBuffer<>(NAME + "/contract", jdbc, "INSERT INTO achievement_contract (named, contract_id, signed_on) "
                + "VALUES (?, ?, ?) ON CONFLICT (named, contract_id) DO NOTHING", null, key -> key.toArray());
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(AchievementRegistered e, @Timestamp Instant at) {
        List<Inventor> inventors = e.inventors();
        achievements.upsert(e.achievementId(), new Object[]{e.achievementId(), e.kind().name(), e.title(),
                String.join(SEPARATOR, e.ownerInstitutionIds()),
                String.join(SEPARATOR, inventors.stream().map(Inventor::name).toList()),
                String.join(SEPARATOR, inventors.stream().map(i -> i.personId() == null ? "" : i.personId()).toList()),
                e.technologyField(), e.number(), Date.valueOf(e.numberDate()), e.regionCode(),
                java.sql.Timestamp.from(at)});
        stages.upsert(e.achievementId(), new Object[]{e.achievementId(), e.stage().name(), java.sql.Timestamp.from(at)});
    }

    @EventHandler
    void on(AchievementMoved e, @Timestamp Instant at) {
        stages.upsert(e.achievementId(), new Object[]{e.achievementId(), e.to().name(), java.sql.Timestamp.from(at)});
    }

    @EventHandler
    void on(ContractRegistered e) {
        for (String achievement : e.achievements()) {
            named.upsert(List.of(achievement, e.contractId()),
                    new Object[]{achievement, e.contractId(), Date.valueOf(e.signedOn())});
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM achievement");
        jdbc.update("DELETE FROM achievement_stage");
        jdbc.update("DELETE FROM achievement_contract");
    }

    @Override
    public String checksum() {
        return TableChecksum.combined(TableChecksum.of(jdbc, "achievement", "achievement_id"),
                TableChecksum.of(jdbc, "achievement_stage", "achievement_id"),
                TableChecksum.of(jdbc, "achievement_contract", "named, contract_id"));
    }
}
