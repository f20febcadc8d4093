package org.techtransfer.ledger.demand;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.achievement.Achievements;
import org.techtransfer.ledger.achievement.Stage;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.EntryIdInUse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.techtransfer.ledger.rule.Rule.ACHIEVEMENT_WITHDRAWN;
import static org.techtransfer.ledger.rule.Rule.DATE_BEFORE_DEMAND;
import static org.techtransfer.ledger.rule.Rule.DATE_BEFORE_MATCH;
import static org.techtransfer.ledger.rule.Rule.DATE_IN_FUTURE;
import static org.techtransfer.ledger.rule.Rule.DEMAND_CLOSED;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ACHIEVEMENT;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_MATCH;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * An enterprise's technology demand and the matches the connection service made between it and achievements of
 * the reserve library (the plan's 对接服务), each with its outcome once known.
 */
public class TechnologyDemand {

    private static final String STREAM = "demand/";

    @AggregateIdentifier
    private String streamId;
    private LocalDate publishedOn;
    private LocalDate closedOn;
    /** Each match's day, and the matches whose outcome is recorded. */
    private final Map<String, LocalDate> matchedOn = new HashMap<>();
    private final Set<String> concluded = new HashSet<>();
    private long version = -1;

    protected TechnologyDemand() {
        // for Axon
    }

    /** Its events' stream: prefixed, as contracts and institutions share the log's ids. */
    public static String streamOf(String demandId) {
        return STREAM + demandId;
    }

    @CommandHandler
    public TechnologyDemand(RecordDemand command, Institutions institutions, Clock clock) {
        institutions.find(command.serviceInstitutionId())
                .orElseThrow(() -> new UnknownInstitution(command.serviceInstitutionId()));
        notInFuture(command.publishedOn(), clock);
        apply(new DemandRecorded(command.demandId(), command.serviceInstitutionId(), command.enterpriseName(),
                command.creditCode(), command.regionCode(), command.need(), command.technologyField(),
                command.budget(), command.publishedOn()));
    }

    @CommandHandler
    long handle(MatchDemand command, Achievements achievements, Clock clock) {
        if (matchedOn.containsKey(command.matchId())) {
            throw new EntryIdInUse(command.matchId());
        }
        stillOpen();
        notInFuture(command.matchedOn(), clock);
        notBeforePublication(command.matchedOn());
        for (String achievementId : command.achievementIds()) {
            Stage stage = achievements.recordedStage(achievementId).orElse(null);
            refuseIf(stage == null, UNKNOWN_ACHIEVEMENT, "no achievement '" + achievementId + "' in the reserve library",
                    achievementId);
            // a transformed achievement may be licensed again; one withdrawn from the library is offered to nobody
            refuseIf(stage == Stage.WITHDRAWN, ACHIEVEMENT_WITHDRAWN,
                    "the achievement " + achievementId + " was withdrawn from the reserve library", achievementId);
        }
        apply(new DemandMatched(command.demandId(), command.matchId(), command.achievementIds(), command.matchedOn(),
                command.note()));
        return version;
    }

    @CommandHandler
    long handle(RecordMatchOutcome command, Clock clock) {
        LocalDate matched = matchedOn.get(command.matchId());
        refuseIf(matched == null, UNKNOWN_MATCH, "the demand has no match '" + command.matchId() + "'", command.matchId());
        // once per match: the outcome's id is the match's, so a second one is a conflict of identity (409)
        if (concluded.contains(command.matchId())) {
            throw new EntryIdInUse(command.matchId());
        }
        notInFuture(command.concludedOn(), clock);
        refuseIf(command.concludedOn().isBefore(matched), DATE_BEFORE_MATCH,
                "the date " + command.concludedOn() + " is before the match on " + matched, command.concludedOn(), matched);
        apply(new MatchConcluded(command.demandId(), command.matchId(), command.outcome(), command.concludedOn(),
                command.contractId(), command.note()));
        return version;
    }

    @CommandHandler
    long handle(CloseDemand command, Clock clock) {
        stillOpen();
        notInFuture(command.closedOn(), clock);
        notBeforePublication(command.closedOn());
        apply(new DemandClosed(command.demandId(), command.closedOn(), command.reason()));
        return version;
    }

    private void stillOpen() {
        refuseIf(closedOn != null, DEMAND_CLOSED, "the demand was closed on " + closedOn, closedOn);
    }

    private void notBeforePublication(LocalDate date) {
        refuseIf(date.isBefore(publishedOn), DATE_BEFORE_DEMAND,
                "the date " + date + " is before the demand was published on " + publishedOn, date, publishedOn);
    }

    private static void notInFuture(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        refuseIf(date.isAfter(today), DATE_IN_FUTURE, "the date " + date + " is after today (" + today + ")", date, today);
    }

    @EventSourcingHandler
    void on(DemandRecorded event) {
        streamId = streamOf(event.demandId());
        publishedOn = event.publishedOn();
        version++;
    }

    @EventSourcingHandler
    void on(DemandMatched event) {
        matchedOn.put(event.matchId(), event.matchedOn());
        version++;
    }

    @EventSourcingHandler
    void on(MatchConcluded event) {
        concluded.add(event.matchId());
        version++;
    }

    @EventSourcingHandler
    void on(DemandClosed event) {
        closedOn = event.closedOn();
        version++;
    }
}
