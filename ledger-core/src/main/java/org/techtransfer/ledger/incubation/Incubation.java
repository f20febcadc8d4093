package org.techtransfer.ledger.incubation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.techtransfer.ledger.rule.Rule.ALREADY_GRADUATED;
import static org.techtransfer.ledger.rule.Rule.DATE_IN_FUTURE;
import static org.techtransfer.ledger.rule.Rule.GRADUATION_BEFORE_ENTRY;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/** One enterprise's stay in an incubator, from entry to graduation: what the plan's first indicator counts. */
public class Incubation {

    private static final String STREAM = "incubation/";

    @AggregateIdentifier
    private String streamId;
    private LocalDate enteredOn;
    private LocalDate graduatedOn;
    private long version = -1;

    protected Incubation() {
        // for Axon
    }

    /** Its events' stream: prefixed, as contracts and institutions share the log's ids. */
    public static String streamOf(String incubationId) {
        return STREAM + incubationId;
    }

    @CommandHandler
    public Incubation(RecordIncubation command, Institutions institutions, Clock clock) {
        InstitutionRegistered incubator = institutions.find(command.incubatorInstitutionId())
                .orElseThrow(() -> new UnknownInstitution(command.incubatorInstitutionId()));
        notInFuture(command.enteredOn(), clock);
        if (command.graduatedOn() != null) {
            notInFuture(command.graduatedOn(), clock);
            notBeforeEntry(command.graduatedOn(), command.enteredOn());
        }
        apply(new IncubationRecorded(command.incubationId(), incubator.institutionId(), incubator.regionCode(),
                command.enterpriseName(), command.creditCode(), command.enteredOn(), command.graduatedOn()));
    }

    @CommandHandler
    long handle(RecordGraduation command, Clock clock) {
        refuseIf(graduatedOn != null, ALREADY_GRADUATED, "the enterprise graduated on " + graduatedOn, graduatedOn);
        notInFuture(command.graduatedOn(), clock);
        notBeforeEntry(command.graduatedOn(), enteredOn);
        apply(new EnterpriseGraduated(command.incubationId(), command.graduatedOn()));
        return version;
    }

    private static void notInFuture(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        refuseIf(date.isAfter(today), DATE_IN_FUTURE, "the date " + date + " is after today (" + today + ")", date, today);
    }

    private static void notBeforeEntry(LocalDate graduated, LocalDate entered) {
        refuseIf(graduated.isBefore(entered), GRADUATION_BEFORE_ENTRY,
                "graduation on " + graduated + " is before the entry on " + entered, graduated, entered);
    }

    @EventSourcingHandler
    void on(IncubationRecorded event) {
        streamId = streamOf(event.incubationId());
        enteredOn = event.enteredOn();
        graduatedOn = event.graduatedOn();
        version++;
    }

    @EventSourcingHandler
    void on(EnterpriseGraduated event) {
        graduatedOn = event.graduatedOn();
        version++;
    }
}
