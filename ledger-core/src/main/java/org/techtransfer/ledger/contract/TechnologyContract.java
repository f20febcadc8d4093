package org.techtransfer.ledger.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.techtransfer.ledger.approval.ApprovalRoute;
import org.techtransfer.ledger.approval.ApproveRewardDecision;
import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.approval.EquityRewardProposed;
import org.techtransfer.ledger.command.CommandActor;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RecordPublicity;
import org.techtransfer.ledger.coownership.CoOwner;
import org.techtransfer.ledger.coownership.CoOwnerBooks;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.coownership.SetCoOwners;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.receivable.MilestoneReached;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.RecordMilestoneReached;
import org.techtransfer.ledger.receivable.ReportSales;
import org.techtransfer.ledger.receivable.SetPaymentTerms;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardPolicies;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.WithdrawRewardDecision;
import org.techtransfer.ledger.rule.EntryIdInUse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.techtransfer.ledger.rule.Rule.CONTRACT_TERMINATED;
import static org.techtransfer.ledger.rule.Rule.DATE_BEFORE_SIGNING;
import static org.techtransfer.ledger.rule.Rule.DATE_IN_FUTURE;
import static org.techtransfer.ledger.rule.Rule.DUPLICATE_REGISTRATION_NUMBER;
import static org.techtransfer.ledger.rule.Rule.INCOME_EXCEEDS_TOTAL;
import static org.techtransfer.ledger.rule.Rule.NOT_A_CO_OWNER;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ENTRY;
import static org.techtransfer.ledger.rule.Rule.TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * A technology contract and everything recorded on it: receipts, costs, equity, reward decisions and their
 * withdrawals, publicity, payments, amendments, changes of contributors, reversals and termination. Each
 * command is checked against the rules of docs/domain.md (through the contract's {@link RewardBook}) and either
 * refused with the rule it breaks or recorded as one event.
 * <p>
 * Business dates are checked against the ledger's {@link Clock} (its zone is the institution's), injected
 * like the institutions, so that tests can fix "today".
 */
public class TechnologyContract {

    /**
     * The form of {@link #snapshot()}, stored with each snapshot: raise it when that form changes, and older
     * snapshots are passed over.
     */
    public static final String SNAPSHOT_REVISION = "7";

    @AggregateIdentifier
    private String contractId;
    private final ContractState state;

    protected TechnologyContract() {
        this(new ContractState()); // for Axon
    }

    private TechnologyContract(ContractState state) {
        this.state = state;
        this.contractId = state.isRegistered() ? state.contractId() : null;
    }

    /**
     * The contract restored from its snapshot: Axon stores the aggregate itself as a snapshot's payload,
     * in the form of {@link #snapshot()}.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TechnologyContract restore(ContractState.Snapshot snapshot) {
        return new TechnologyContract(ContractState.restore(snapshot));
    }

    @JsonValue
    ContractState.Snapshot snapshot() {
        return state.snapshot();
    }

    /** The contract's state: what a reader given a snapshot of this contract continues to fold. */
    public ContractState state() {
        return state;
    }

    @CommandHandler
    public TechnologyContract(RegisterContract command, Institutions institutions, RegistrationNumbers numbers) {
        this(new ContractState());
        refuseIf(command.technologyAmount().isGreaterThan(command.totalAmount()), TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL,
                "technology amount " + command.technologyAmount() + " is above the total " + command.totalAmount(),
                command.technologyAmount(), command.totalAmount());
        RewardBook.checkHasPrincipal(command.contributors());
        InstitutionRegistered seller = institutions.find(command.sellerInstitutionId())
                .orElseThrow(() -> new UnknownInstitution(command.sellerInstitutionId()));
        RewardTerms terms = RewardPolicies.termsFor(seller.policy(), command.signedOn(),
                command.kind().raisesObligation(), seller.rewardRate(), seller.paymentDeadlineMonths());
        Optional<ContractPriced> priced = PriceFixing.check(command, seller, institutions);
        // last, so that nothing else can refuse the command once the number is claimed
        refuseIf(!numbers.claim(command.registrationNumber(), command.contractId()), DUPLICATE_REGISTRATION_NUMBER,
                "registration number " + command.registrationNumber() + " belongs to another contract",
                command.registrationNumber());
        apply(new ContractRegistered(command.contractId(), command.registrationNumber(), command.kind(),
                seller.institutionId(), seller.type(), seller.regionCode(), command.buyer(),
                command.technologyField(), command.totalAmount(), command.technologyAmount(), command.signedOn(),
                command.contributors(), command.licenseScope(), command.achievements(), terms, command.ipKind(),
                seller.countsAsNonProfit()));
        priced.ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    long handle(RecordIncome command, Clock clock) {
        requireNewEntry(command.incomeId());
        requireBusinessDate(command.receivedOn(), clock);
        // the contract total (成交额) is what the deal brings: receipts beyond it mean the total needs amending
        Money received = state.income().plus(command.amount());
        refuseIf(received.isGreaterThan(state.totalAmount()), INCOME_EXCEEDS_TOTAL, "the income received would come to "
                        + received + ", above the contract total " + state.totalAmount() + "; amend the total first",
                received, state.totalAmount());
        apply(new IncomeRecorded(contractId, command.incomeId(), command.amount(), command.receivedOn(),
                command.category()));
        return state.version();
    }

    @CommandHandler
    long handle(RecordCost command, Clock clock) {
        requireNewEntry(command.costId());
        requireBusinessDate(command.incurredOn(), clock);
        apply(new CostRecorded(contractId, command.costId(), command.amount(), command.incurredOn(),
                command.category()));
        return state.version();
    }

    @CommandHandler
    long handle(ReceiveEquity command, Clock clock) {
        requireNewEntry(command.equityId());
        requireBusinessDate(command.receivedOn(), clock);
        apply(new EquityReceived(contractId, command.equityId(), command.company(), command.shares(),
                command.valuation(), command.receivedOn()));
        return state.version();
    }

    /**
     * A co-owner's decision is checked on its own book, under its own policy, and recorded as decided: the seller's
     * approval policy is the seller's (docs/domain.md, "Co-owned achievements").
     */
    @CommandHandler
    long handle(DecideCashReward command, Institutions institutions, CommandActor actor) {
        requireNewEntry(command.decisionId());
        String coOwner = coOwner(command.institutionId());
        state.bookOf(coOwner).checkCashDecision(command.total(), command.allocations());
        Optional<ApprovalRoute> route = coOwner != null ? Optional.empty()
                : route(institutions, command.decidedOn(), command.total(), actor);
        apply(route.isPresent()
                ? new CashRewardProposed(contractId, command.decisionId(), command.decidedOn(), command.total(),
                command.allocations(), route.get())
                : new CashRewardDecided(contractId, command.decisionId(), command.decidedOn(), command.total(),
                command.allocations(), coOwner));
        return state.version();
    }

    @CommandHandler
    long handle(DecideEquityReward command, Institutions institutions, CommandActor actor) {
        requireNewEntry(command.decisionId());
        String coOwner = coOwner(command.institutionId());
        state.bookOf(coOwner).checkEquityDecision(command.totalShares(), command.allocations());
        Money value = state.approvals().equityValue(command.totalShares());
        Optional<ApprovalRoute> route = coOwner != null ? Optional.empty()
                : route(institutions, command.decidedOn(), value, actor);
        apply(route.isPresent()
                ? new EquityRewardProposed(contractId, command.decisionId(), command.decidedOn(),
                command.totalShares(), command.allocations(), value, route.get())
                : new EquityRewardDecided(contractId, command.decisionId(), command.decidedOn(),
                command.totalShares(), command.allocations(), coOwner));
        return state.version();
    }

    /**
     * The co-owner a decision, notice or payment names, other than the seller; null for the seller's own (named or
     * not), so that the seller's events stay as they were.
     */
    private String coOwner(String institutionId) {
        if (institutionId == null || institutionId.equals(state.registration().sellerInstitutionId())) {
            return null;
        }
        refuseIf(state.coOwners().book(institutionId).isEmpty(), NOT_A_CO_OWNER,
                institutionId + " is not a co-owner of this contract; a co-owner records its own reward on its own "
                        + "share", institutionId);
        return institutionId;
    }

    /**
     * An approver's answer; allowed on a terminated contract, like a payment: the decision was proposed before.
     * The last approval makes the decision count: its decided event follows.
     */
    @CommandHandler
    long handle(ApproveRewardDecision command, CommandActor actor, Clock clock) {
        requireUnusedId(command.approvalId());
        requireBusinessDate(command.on(), clock);
        state.approvals().checkAnswer(command.decisionId(), command.level(), actor.name(), command.minutesRef(),
                state.book().hasDecision(command.decisionId()));
        apply(new DecisionApprovalRecorded(contractId, command.approvalId(), command.decisionId(), command.level(),
                command.approved(), command.on(), command.note(), command.minutesRef(), actor.name()));
        state.approvals().decidedOnceApproved(command.decisionId()).ifPresent(AggregateLifecycle::apply);
        return state.version();
    }

    /** The approvals a decision worth {@code amount} needs under the seller's policy in force on its date. */
    private Optional<ApprovalRoute> route(Institutions institutions, LocalDate decidedOn, Money amount,
                                          CommandActor actor) {
        return ApprovalRoute.of(institutions.approvalPolicy(state.registration().sellerInstitutionId(), decidedOn),
                amount, actor.name());
    }

    @CommandHandler
    long handle(RecordPublicity command) {
        requireNewEntry(command.noticeId());
        String coOwner = coOwner(command.institutionId());
        if (coOwner == null) {
            state.approvals().checkApproved(command.decisionId());
        }
        state.bookOf(coOwner).checkPublicity(command.decisionId());
        apply(new PublicityRecorded(contractId, command.noticeId(), command.decisionId(), command.from(),
                command.to(), coOwner));
        return state.version();
    }

    /**
     * Allowed on a terminated contract, like a reversal: correcting the record. A co-owner withdraws its own
     * decisions, checked on its own book.
     */
    @CommandHandler
    long handle(WithdrawRewardDecision command) {
        requireUnusedId(command.withdrawalId());
        String coOwner = coOwner(command.institutionId());
        RewardBook book = state.bookOf(coOwner);
        book.checkWithdrawal(command.decisionId());
        apply(new RewardDecisionWithdrawn(contractId, command.withdrawalId(), command.decisionId(),
                book.kindOf(command.decisionId()), book.peopleOf(command.decisionId()), command.reason(), coOwner));
        return state.version();
    }

    @CommandHandler
    long handle(ChangeContributors command) {
        requireNewEntry(command.changeId());
        state.book().checkContributorChange(command.contributors());
        state.coOwners().checkContributorChange(command.contributors());
        apply(new ContributorsChanged(contractId, command.changeId(), command.contributors(), command.reason(),
                state.registration().sellerInstitutionId()));
        return state.version();
    }

    /** Allowed on a terminated contract: paying what was already decided. */
    @CommandHandler
    long handle(PayReward command, Clock clock) {
        requireUnusedId(command.paymentId());
        requireBusinessDate(command.paidOn(), clock);
        String coOwner = coOwner(command.institutionId());
        if (coOwner == null) {
            state.approvals().checkPayable(command.personId(),
                    state.book().paidTo(command.personId()).plus(command.amount()),
                    state.book().allocatedTo(command.personId()));
        }
        state.bookOf(coOwner).checkPayment(command.personId(), command.amount(), command.paidOn());
        apply(new RewardPaid(contractId, command.paymentId(), command.personId(), command.amount(),
                command.paidOn(), command.reference(), coOwner));
        return state.version();
    }

    @CommandHandler
    long handle(AmendContract command) {
        requireNewEntry(command.amendmentId());
        refuseIf(command.technologyAmount().isGreaterThan(command.totalAmount()), TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL,
                "technology amount " + command.technologyAmount() + " is above the total " + command.totalAmount(),
                command.technologyAmount(), command.totalAmount());
        refuseIf(state.income().isGreaterThan(command.totalAmount()), INCOME_EXCEEDS_TOTAL,
                "the income received, " + state.income() + ", is above the new total " + command.totalAmount(),
                state.income(), command.totalAmount());
        apply(new ContractAmended(contractId, command.amendmentId(), command.totalAmount(),
                command.technologyAmount(), command.reason()));
        return state.version();
    }

    /**
     * Allowed on a terminated contract: correcting the record. A co-owner takes back only its own payments: the
     * receipts, costs and shares are the whole contract's, and their parts are reversed with them.
     */
    @CommandHandler
    long handle(ReverseEntry command) {
        requireUnusedId(command.reversalId());
        String coOwner = coOwner(command.institutionId());
        RewardBook book = state.bookOf(coOwner);
        refuseIf(coOwner != null && book.typeOf(command.entryId()).filter(t -> t == EntryType.PAYMENT).isEmpty(),
                UNKNOWN_ENTRY, "no payment '" + command.entryId() + "' of co-owner " + coOwner + " on this contract",
                command.entryId());
        book.checkReversal(command.entryId());
        apply(new EntryReversed(contractId, command.reversalId(), command.entryId(),
                book.typeOf(command.entryId()).orElseThrow(), command.reason(), coOwner));
        return state.version();
    }

    @CommandHandler
    long handle(SetPaymentTerms command) {
        requireNewEntry(command.termsId());
        state.deal().checkTerms(command, state.totalAmount(), state.registration().signedOn());
        apply(new PaymentTermsSet(contractId, command.termsId(), command.instalments(), command.royalty(),
                command.changeReason()));
        return state.version();
    }

    /**
     * Each co-owner's reward terms are those of its own policy on the signing date; the seller's are the contract's
     * own (its policy's, or the rate the contract agreed above it), so its co-owner book and the contract's agree.
     */
    @CommandHandler
    long handle(SetCoOwners command, Institutions institutions) {
        requireNewEntry(command.coOwnershipId());
        ContractRegistered r = state.registration();
        CoOwnerBooks.check(command, r.sellerInstitutionId(),
                state.income().plus(state.book().figures(r.signedOn()).deductibleCosts()),
                state.book().sharesReceived());
        List<CoOwnerTerms> owners = new ArrayList<>();
        for (CoOwner owner : command.owners()) {
            if (owner.institutionId().equals(r.sellerInstitutionId())) {
                owners.add(new CoOwnerTerms(owner.institutionId(), owner.share(), r.terms()));
                continue;
            }
            InstitutionRegistered institution = institutions.find(owner.institutionId())
                    .orElseThrow(() -> new UnknownInstitution(owner.institutionId()));
            owners.add(new CoOwnerTerms(owner.institutionId(), owner.share(), RewardPolicies.termsFor(
                    institution.policy(), r.signedOn(), r.kind().raisesObligation(), institution.rewardRate(),
                    institution.paymentDeadlineMonths())));
        }
        apply(new CoOwnersSet(contractId, command.coOwnershipId(), owners));
        return state.version();
    }

    @CommandHandler
    long handle(ReportSales command, Clock clock) {
        requireNewEntry(command.reportId());
        requireBusinessDate(command.periodFrom(), clock);
        requireBusinessDate(command.periodTo(), clock);
        state.deal().checkReport(command);
        apply(state.deal().reported(command));
        return state.version();
    }

    /** Issue 15: the event a milestone payment awaits happened; the instalment is due from that day. */
    @CommandHandler
    long handle(RecordMilestoneReached command, Clock clock) {
        requireNewEntry(command.reachedId());
        requireBusinessDate(command.reachedOn(), clock);
        state.deal().checkMilestone(command.instalmentId());
        apply(new MilestoneReached(contractId, command.reachedId(), command.instalmentId(), command.reachedOn(),
                command.note()));
        return state.version();
    }

    @CommandHandler
    long handle(TerminateContract command) {
        requireOpen();
        apply(new ContractTerminated(contractId, command.terminatedOn(), command.reason()));
        return state.version();
    }

    @EventSourcingHandler
    void on(Object event) {
        if (event == this) {
            return; // Axon hands a contract restored from a snapshot the snapshot, which is the contract itself
        }
        state.evolve(event);
        contractId = state.contractId();
    }

    /** A new entry on a running contract (docs/domain.md, "Terminated contracts": none on a terminated one). */
    private void requireNewEntry(String entryId) {
        requireUnusedId(entryId);
        requireOpen();
    }

    /** Something that happened: not after the ledger's today, not before the contract was signed. */
    private void requireBusinessDate(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        refuseIf(date.isAfter(today), DATE_IN_FUTURE, "the date " + date + " is after today, " + today, date, today);
        LocalDate signedOn = state.registration().signedOn();
        refuseIf(date.isBefore(signedOn), DATE_BEFORE_SIGNING,
                "the date " + date + " is before the contract was signed, on " + signedOn, date, signedOn);
    }

    private void requireUnusedId(String entryId) {
        if (state.usesEntryId(entryId)) {
            throw new EntryIdInUse(entryId);
        }
    }

    private void requireOpen() {
        refuseIf(state.isTerminated(), CONTRACT_TERMINATED,
                "the contract was terminated on " + state.terminatedOn(), state.terminatedOn());
    }
}
