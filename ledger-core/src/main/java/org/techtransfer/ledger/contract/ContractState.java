package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.approval.DecisionApprovals;
import org.techtransfer.ledger.approval.EquityRewardProposed;
import org.techtransfer.ledger.coownership.CoOwnerBooks;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.receivable.DealBook;
import org.techtransfer.ledger.receivable.MilestoneReached;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivables;
import org.techtransfer.ledger.receivable.SalesReported;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardPaid;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A contract as its events make it: the registration, the amounts in force, whether it was terminated,
 * and its {@link RewardBook}. The aggregate decides with it; queries fold the same events through it to
 * show a contract now or as it stood at any instant, so there is one way to read a contract's history.
 */
public final class ContractState {

    private ContractRegistered registration;
    private Money totalAmount;
    private Money technologyAmount;
    private LocalDate terminatedOn;
    private RewardBook book;
    /** How the price was fixed, when the registration said (issue 23). */
    private ContractPriced priced;
    /** The reward decisions routed for approval (issue 23): they reach the book once approved. */
    private DecisionApprovals approvals = new DecisionApprovals();
    private DealBook deal = new DealBook();
    private CoOwnerBooks coOwners = new CoOwnerBooks();
    /**
     * The ids taken by entries that the book does not index: decisions, notices, amendments, reversals,
     * withdrawals, changes of contributors.
     */
    private final Set<String> entryIds = new HashSet<>();
    /** The sequence number of the last event folded in: the contract's version. */
    private long version = -1;

    /** Folds a contract's events, oldest first, starting with its {@code ContractRegistered}. */
    public static ContractState replay(Iterable<?> events) {
        ContractState state = new ContractState();
        events.forEach(state::evolve);
        return state;
    }

    public void evolve(Object event) {
        version++;
        if (event instanceof ContractRegistered e) {
            registration = e;
            totalAmount = e.totalAmount();
            technologyAmount = e.technologyAmount();
            book = new RewardBook(e.terms(), e.contributors(), e.wageTaxFacts());
        } else if (event instanceof IncomeRecorded e) {
            book.recordIncome(e.incomeId(), sellersPart(e.amount()), e.receivedOn());
            deal.recordIncome(e.incomeId(), e.amount(), e.category() == IncomeCategory.COST_REIMBURSEMENT);
            coOwners.recordIncome(e.incomeId(), e.amount(), e.receivedOn());
        } else if (event instanceof CostRecorded e) {
            book.recordCost(e.costId(), sellersPart(e.amount()));
            coOwners.recordCost(e.costId(), e.amount());
        } else if (event instanceof EquityReceived e) {
            book.receiveEquity(e.equityId(), sellersShares(e.shares()));
            approvals.receiveEquity(e.shares(), e.valuation());
            coOwners.receiveEquity(e.equityId(), e.shares(), e.valuation());
        } else if (event instanceof CashRewardDecided e) {
            entryIds.add(e.decisionId());
            booksOf(e.institutionId()).forEach(b -> b.decideCash(e.decisionId(), e.decidedOn(), e.total(),
                    e.allocations()));
        } else if (event instanceof EquityRewardDecided e) {
            entryIds.add(e.decisionId());
            booksOf(e.institutionId()).forEach(b -> b.decideEquity(e.decisionId(), e.totalShares(), e.allocations()));
        } else if (event instanceof RewardDecisionWithdrawn e) {
            entryIds.add(e.withdrawalId());
            booksOf(e.institutionId()).forEach(b -> b.withdraw(e.decisionId()));
        } else if (event instanceof ContributorsChanged e) {
            entryIds.add(e.changeId());
            book.changeContributors(e.contributors());
            coOwners.changeContributors(e.contributors());
        } else if (event instanceof PublicityRecorded e) {
            entryIds.add(e.noticeId());
            booksOf(e.institutionId()).forEach(b -> b.publicize(e.decisionId(), e.to()));
        } else if (event instanceof RewardPaid e) {
            entryIds.add(e.paymentId());
            booksOf(e.institutionId()).forEach(b -> b.pay(e.paymentId(), e.personId(), e.amount(), e.paidOn()));
        } else if (event instanceof ContractAmended e) {
            entryIds.add(e.amendmentId());
            totalAmount = e.totalAmount();
            technologyAmount = e.technologyAmount();
        } else if (event instanceof EntryReversed e) {
            entryIds.add(e.reversalId());
            if (e.institutionId() != null) {
                bookOf(e.institutionId()).reverse(e.entryId()); // a co-owner's own payment
            } else {
                book.reverse(e.entryId());
                deal.reverse(e.entryId());
                coOwners.reverse(e.entryId());
            }
        } else if (event instanceof PaymentTermsSet e) {
            entryIds.add(e.termsId());
            deal.setTerms(e);
        } else if (event instanceof SalesReported e) {
            entryIds.add(e.reportId());
            deal.report(e);
        } else if (event instanceof MilestoneReached e) {
            entryIds.add(e.reachedId());
            deal.reach(e);
        } else if (event instanceof CoOwnersSet e) {
            entryIds.add(e.coOwnershipId());
            coOwners.set(e.owners(), registration.sellerInstitutionId(), book, registration.wageTaxFacts());
        } else if (event instanceof ContractTerminated e) {
            terminatedOn = e.terminatedOn();
        } else if (event instanceof ContractPriced e) {
            priced = e;
        } else if (event instanceof CashRewardProposed e) {
            entryIds.add(e.decisionId());
            approvals.propose(e);
        } else if (event instanceof EquityRewardProposed e) {
            entryIds.add(e.decisionId());
            approvals.propose(e);
        } else if (event instanceof DecisionApprovalRecorded e) {
            entryIds.add(e.approvalId());
            approvals.record(e);
        } else {
            throw new IllegalArgumentException("not an event of a contract: " + event.getClass().getName());
        }
    }

    /**
     * On a co-owned contract the book is the seller's: its share of each receipt and cost, so that its obligation
     * is the one its co-owner books compute for it, and the other co-owners' shares are not its duty.
     */
    private Money sellersPart(Money amount) {
        return coOwners.isCoOwned() ? coOwners.sellerPart(registration.sellerInstitutionId(), amount) : amount;
    }

    /** The seller's part of shares received, split like money (docs/domain.md, "Co-owned achievements"). */
    private long sellersShares(long shares) {
        return coOwners.isCoOwned() ? coOwners.sellerShares(registration.sellerInstitutionId(), shares) : shares;
    }

    /**
     * The books a decision, notice or payment goes in: a co-owner's own, or (no institution named) the seller's,
     * which on a co-owned contract is also the seller's co-owner book, kept the same.
     */
    private List<RewardBook> booksOf(String institutionId) {
        if (institutionId != null) {
            return List.of(bookOf(institutionId));
        }
        return coOwners.isCoOwned()
                ? List.of(book, coOwners.book(registration.sellerInstitutionId()).orElseThrow())
                : List.of(book);
    }

    /**
     * A registered contract's state in a form that can be stored and read back (its snapshot): folding
     * the events after {@code version} into the restored state gives what folding them all gives.
     */
    public record Snapshot(ContractRegistered registration, Money totalAmount, Money technologyAmount,
                           LocalDate terminatedOn, Set<String> entryIds, long version, RewardBook.Snapshot book,
                           ContractPriced priced, DecisionApprovals.Snapshot approvals,
                           DealBook.Snapshot deal, CoOwnerBooks.Snapshot coOwners) {
    }

    public Snapshot snapshot() {
        if (!isRegistered()) {
            throw new IllegalStateException("a contract has a snapshot once it is registered");
        }
        return new Snapshot(registration, totalAmount, technologyAmount, terminatedOn, Set.copyOf(entryIds), version,
                book.snapshot(), priced, approvals.snapshot(),
                deal.snapshot(), coOwners.snapshot());
    }

    public static ContractState restore(Snapshot snapshot) {
        ContractState state = new ContractState();
        state.registration = snapshot.registration();
        state.totalAmount = snapshot.totalAmount();
        state.technologyAmount = snapshot.technologyAmount();
        state.terminatedOn = snapshot.terminatedOn();
        state.entryIds.addAll(snapshot.entryIds());
        state.version = snapshot.version();
        state.book = RewardBook.restore(snapshot.book());
        state.priced = snapshot.priced();
        state.approvals = DecisionApprovals.restore(snapshot.approvals());
        state.deal = DealBook.restore(snapshot.deal());
        state.coOwners = CoOwnerBooks.restore(snapshot.coOwners());
        return state;
    }

    /** The sequence number of the contract's last event (0 after registration). */
    public long version() {
        return version;
    }

    public boolean isRegistered() {
        return registration != null;
    }

    public ContractRegistered registration() {
        return registration;
    }

    public String contractId() {
        return registration.contractId();
    }

    public Money totalAmount() {
        return totalAmount;
    }

    public Money technologyAmount() {
        return technologyAmount;
    }

    public boolean isTerminated() {
        return terminatedOn != null;
    }

    /** The termination date, or {@code null} while the contract runs. */
    public LocalDate terminatedOn() {
        return terminatedOn;
    }

    /** The contributors as they are now: those registered, as the last change of contributors left them. */
    public List<Contributor> contributors() {
        return book.contributors();
    }

    /**
     * The seller's reward book. On a co-owned contract it holds the seller's share of each receipt and cost only;
     * {@link #income()} is the whole deal's.
     */
    public RewardBook book() {
        return book;
    }

    /**
     * The book of a co-owner's own reward (its share, decisions, notices and payments), or the seller's
     * {@link #book()} when {@code institutionId} is null or the seller.
     *
     * @throws IllegalArgumentException when the institution is not a co-owner (a command checks it first)
     */
    public RewardBook bookOf(String institutionId) {
        if (institutionId == null || institutionId.equals(registration.sellerInstitutionId())) {
            return book;
        }
        return coOwners.book(institutionId).orElseThrow(() -> new IllegalArgumentException(institutionId
                + " is not a co-owner of contract " + contractId()));
    }

    /** The income received on the whole deal, every co-owner's share together. */
    public Money income() {
        return coOwners.isCoOwned() ? coOwners.income() : book.income();
    }

    /**
     * The receivables on {@code day}, settled by the whole deal's receipts; the reward they forecast is the
     * seller's, on its share of what is still to come.
     */
    public Receivables receivables(LocalDate day) {
        return deal.receivables(income(), outstanding -> book.requiredRewardOnFurtherIncome(sellersPart(outstanding)),
                day);
    }

    /** How the price was fixed; null when the registration did not say. */
    public ContractPriced priced() {
        return priced;
    }

    /** Whether the total in force differs from the price the seller's notice proposed; false without a notice. */
    public boolean priceDiffersFromNotice() {
        return priced != null && priced.dealNotice() != null
                && !totalAmount.equals(priced.dealNotice().proposedPrice());
    }

    public DecisionApprovals approvals() {
        return approvals;
    }

    /** The contract's payment terms, sales reports and receivables. */
    public DealBook deal() {
        return deal;
    }

    /** The co-owners of the contract's achievements, each with its own reward book; none when not co-owned. */
    public CoOwnerBooks coOwners() {
        return coOwners;
    }

    /** Whether an entry of this contract, of whatever kind, has taken {@code id}. */
    public boolean usesEntryId(String id) {
        return entryIds.contains(id) || (book != null && book.typeOf(id).isPresent());
    }
}
