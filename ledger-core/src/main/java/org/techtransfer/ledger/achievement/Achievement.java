package org.techtransfer.ledger.achievement;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.EntryIdInUse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.techtransfer.ledger.rule.Rule.DATE_IN_FUTURE;
import static org.techtransfer.ledger.rule.Rule.STAGE_FINAL;
import static org.techtransfer.ledger.rule.Rule.STAGE_UNCHANGED;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * An achievement of the reserve library and the moves of its stage. A contract that names it makes it
 * transformed in the read models (docs/domain.md); here only the moves someone recorded are kept.
 */
public class Achievement {

    private static final String STREAM = "achievement/";

    @AggregateIdentifier
    private String streamId;
    private Stage stage;
    private long version = -1;
    private final Set<String> moveIds = new HashSet<>();

    protected Achievement() {
        // for Axon
    }

    /** Its events' stream: contracts and institutions share the log's ids, so an achievement's id is prefixed. */
    public static String streamOf(String achievementId) {
        return STREAM + achievementId;
    }

    @CommandHandler
    public Achievement(RegisterAchievement command, Institutions institutions, Clock clock) {
        for (String owner : command.ownerInstitutionIds()) {
            institutions.find(owner).orElseThrow(() -> new UnknownInstitution(owner));
        }
        LocalDate today = LocalDate.now(clock);
        refuseIf(command.numberDate().isAfter(today), DATE_IN_FUTURE,
                "the date " + command.numberDate() + " is after today (" + today + ")", command.numberDate(), today);
        apply(new AchievementRegistered(command.achievementId(), command.kind(), command.title(),
                command.ownerInstitutionIds(), command.inventors(), command.technologyField(), command.number(),
                command.numberDate(), command.regionCode(), command.stage()));
    }

    @CommandHandler
    long handle(MoveAchievement command) {
        if (moveIds.contains(command.moveId())) {
            throw new EntryIdInUse(command.moveId());
        }
        refuseIf(stage.isFinal(), STAGE_FINAL, "the achievement is " + stage + ", a final stage", stage);
        refuseIf(stage == command.stage(), STAGE_UNCHANGED, "the achievement is already " + stage, stage);
        apply(new AchievementMoved(command.achievementId(), command.moveId(), stage, command.stage(), command.reason()));
        return version;
    }

    @EventSourcingHandler
    void on(AchievementRegistered event) {
        streamId = streamOf(event.achievementId());
        stage = event.stage();
        version++;
    }

    @EventSourcingHandler
    void on(AchievementMoved event) {
        stage = event.to();
        moveIds.add(event.moveId());
        version++;
    }
}
