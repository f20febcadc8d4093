package org.techtransfer.ledger.implementation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.SelfImplementationPolicy;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.techtransfer.ledger.rule.Rule.DATE_IN_FUTURE;
import static org.techtransfer.ledger.rule.Rule.PROFIT_YEAR_NOT_NEXT;
import static org.techtransfer.ledger.rule.Rule.PROFIT_YEAR_NOT_RECORDED;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * An achievement the institution implements itself or with others (Law Art. 45(3); Beijing Regulations 2019,
 * Art. 12 para. 3(3)): the yearly operating profit, and the reward owed on it, decided, publicised and paid by the
 * rules of cash rewards, checked by the implementation's {@link RewardBook}.
 */
public class Implementation {

    private static final String STREAM = "implementation/";

    @AggregateIdentifier
    private String streamId;
    private final ImplementationState state = new ImplementationState();

    protected Implementation() {
        // for Axon
    }

    /** Its events' stream: prefixed, as contracts and institutions share the log's ids. */
    public static String streamOf(String implementationId) {
        return STREAM + implementationId;
    }

    @CommandHandler
    public Implementation(RecordImplementation command, Institutions institutions, Clock clock) {
        InstitutionRegistered institution = institutions.find(command.institutionId())
                .orElseThrow(() -> new UnknownInstitution(command.institutionId()));
        SelfImplementationPolicy.Window window = SelfImplementationPolicy.windowFor(institution.policy(),
                command.rewardYears());
        RewardBook.checkHasPrincipal(command.contributors());
        notInFuture(command.productionStartedOn(), clock);
        apply(new ImplementationRecorded(command.implementationId(), institution.institutionId(), command.title(),
                command.mode(), command.achievements(), command.productionStartedOn(), window,
                SelfImplementationPolicy.termsFor(institution.policy(), command.productionStartedOn(),
                        institution.paymentDeadlineMonths()), command.contributors()));
    }

    @CommandHandler
    long handle(RecordOperatingProfit command, Clock clock) {
        int next = state.nextYear();
        refuseIf(command.year() != next, PROFIT_YEAR_NOT_NEXT, "the operating profit of " + next
                + " is the one to record next (years in order from the start of production), not " + command.year(),
                command.year(), next);
        notInFuture(LocalDate.of(command.year(), Month.DECEMBER, 31), clock);
        apply(state.profitRecorded(command.year(), command.operatingProfit()));
        return state.version();
    }

    /**
     * A year already recorded may be corrected at any time: the reward owed follows, and may fall below what was
     * decided or paid (a reward above the minimum is allowed).
     */
    @CommandHandler
    long handle(CorrectOperatingProfit command) {
        requireUnusedId(command.correctionId());
        OperatingProfitRecorded year = state.year(command.year()).orElseThrow(() -> new RuleViolation(
                PROFIT_YEAR_NOT_RECORDED, "no operating profit of " + command.year() + " is recorded to correct; "
                + "the next year to record is " + state.nextYear(), command.year(), state.nextYear()));
        apply(new OperatingProfitCorrected(command.implementationId(), command.correctionId(), command.year(),
                year.operatingProfit(), command.operatingProfit(), command.reason()));
        return state.version();
    }

    @CommandHandler
    long handle(DecideImplementationReward command) {
        requireUnusedId(command.decisionId());
        state.book().checkCashDecision(command.total(), command.allocations());
        apply(new ImplementationRewardDecided(command.implementationId(), command.decisionId(), command.decidedOn(),
                command.total(), command.allocations()));
        return state.version();
    }

    @CommandHandler
    long handle(PublicizeImplementationReward command) {
        requireUnusedId(command.noticeId());
        state.book().checkPublicity(command.decisionId());
        apply(new ImplementationRewardPublicized(command.implementationId(), command.noticeId(), command.decisionId(),
                command.from(), command.to()));
        return state.version();
    }

    /** By the rule of a contract's withdrawal: while nothing the decision allocated has been paid. */
    @CommandHandler
    long handle(WithdrawImplementationRewardDecision command) {
        requireUnusedId(command.withdrawalId());
        state.book().checkWithdrawal(command.decisionId());
        apply(new ImplementationRewardDecisionWithdrawn(command.implementationId(), command.withdrawalId(),
                command.decisionId(), state.book().peopleOf(command.decisionId()), command.reason()));
        return state.version();
    }

    @CommandHandler
    long handle(PayImplementationReward command, Clock clock) {
        requireUnusedId(command.paymentId());
        notInFuture(command.paidOn(), clock);
        state.book().checkPayment(command.personId(), command.amount(), command.paidOn());
        apply(new ImplementationRewardPaid(command.implementationId(), command.paymentId(), command.personId(),
                command.amount(), command.paidOn(), command.reference()));
        return state.version();
    }

    @EventSourcingHandler
    void on(Object event) {
        state.evolve(event);
        streamId = streamOf(state.registration().implementationId());
    }

    private void requireUnusedId(String id) {
        if (state.usesEntryId(id)) {
            throw new EntryIdInUse(id);
        }
    }

    private static void notInFuture(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        refuseIf(date.isAfter(today), DATE_IN_FUTURE, "the date " + date + " is after today, " + today, date, today);
    }
}
