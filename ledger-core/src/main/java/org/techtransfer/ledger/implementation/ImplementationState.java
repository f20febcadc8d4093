package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.SelfImplementationPolicy;
import org.techtransfer.ledger.reward.WageTaxFacts;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An implementation as its events make it: its registration, the years of profit recorded, and the
 * {@link RewardBook} that keeps its reward obligation. Each counted year's profit enters the book as an income
 * received on the year's last day, so the required reward is 5% of the counted profits rounded up to the fen,
 * each year accrues what it adds, and decisions, publicity and payments follow the book's rules for cash rewards.
 * A corrected year's entry is reversed and entered again with the profit that stands, and so is any other year
 * whose counting the correction changes (Beijing counts from the first year of profit).
 */
public final class ImplementationState {

    /**
     * Self-implementation is no licence or assignment: the book's own tags are replaced by
     * {@link SelfImplementationPolicy#REDUCED_WAGE_TAX} (see {@link #payments()}).
     */
    private static final WageTaxFacts NO_REDUCED_WAGE_TAX = new WageTaxFacts(false, false, false, null);

    private ImplementationRecorded registration;
    private RewardBook book;
    /** The years as they stand: corrected profits, and whether each is counted and what it owes on them. */
    private final List<OperatingProfitRecorded> years = new ArrayList<>();
    /** The book's income entry of each counted year with a profit: its id and amount. */
    private final Map<Integer, YearEntry> entries = new HashMap<>();
    private final Set<String> entryIds = new HashSet<>();
    private Integer firstProfitYear;
    private long version = -1;

    private record YearEntry(String id, Money profit) {
    }

    public static ImplementationState replay(Iterable<?> events) {
        ImplementationState state = new ImplementationState();
        events.forEach(state::evolve);
        return state;
    }

    public void evolve(Object event) {
        version++;
        if (event instanceof ImplementationRecorded e) {
            registration = e;
            book = new RewardBook(e.terms(), e.contributors(), NO_REDUCED_WAGE_TAX);
        } else if (event instanceof OperatingProfitRecorded e) {
            years.add(e);
            if (firstProfitYear == null && e.operatingProfit().isPositive()) {
                firstProfitYear = e.year();
            }
            if (e.counted() && e.operatingProfit().isPositive()) {
                enter(e.year(), profitId(e.year()), e.operatingProfit());
            }
        } else if (event instanceof OperatingProfitCorrected e) {
            entryIds.add(e.correctionId());
            years.replaceAll(y -> y.year() == e.year() ? new OperatingProfitRecorded(y.implementationId(), y.year(),
                    e.operatingProfit(), y.counted(), y.owed()) : y);
            restate(e.correctionId());
        } else if (event instanceof ImplementationRewardDecisionWithdrawn e) {
            entryIds.add(e.withdrawalId());
            book.withdraw(e.decisionId());
        } else if (event instanceof ImplementationRewardDecided e) {
            entryIds.add(e.decisionId());
            book.decideCash(e.decisionId(), e.decidedOn(), e.total(), e.allocations());
        } else if (event instanceof ImplementationRewardPublicized e) {
            entryIds.add(e.noticeId());
            book.publicize(e.decisionId(), e.to());
        } else if (event instanceof ImplementationRewardPaid e) {
            book.pay(e.paymentId(), e.personId(), e.amount(), e.paidOn());
        } else {
            throw new IllegalArgumentException("not an event of an implementation: " + event.getClass().getName());
        }
    }

    private static String profitId(int year) {
        return "profit-" + year;
    }

    private void enter(int year, String id, Money profit) {
        book.recordIncome(id, profit, LocalDate.of(year, Month.DECEMBER, 31));
        entries.put(year, new YearEntry(id, profit));
    }

    /**
     * Counts the years again from the profits that stand, as {@link #profitRecorded} counted them in order, and
     * brings the book's entries to them: an entry no longer right is reversed, and the year entered again under an
     * id of the correction's. The control character in that id keeps it apart from every id a command can carry.
     */
    private void restate(String correctionId) {
        int start = registration.productionStartedOn().getYear();
        Integer first = null;
        Money before = Money.ZERO;
        List<OperatingProfitRecorded> restated = new ArrayList<>(years.size());
        for (OperatingProfitRecorded y : years) {
            boolean profitable = y.operatingProfit().isPositive();
            boolean counted = SelfImplementationPolicy.counts(registration.window(), start, first, y.year(), profitable);
            if (first == null && profitable) {
                first = y.year();
            }
            Money entered = counted && profitable ? y.operatingProfit() : null;
            YearEntry entry = entries.get(y.year());
            if (entry != null && !entry.profit().equals(entered)) {
                book.reverse(entry.id());
                entries.remove(y.year());
            }
            if (entered != null && !entries.containsKey(y.year())) {
                enter(y.year(), profitId(y.year()) + '\u001f' + correctionId, entered);
            }
            Money after = counted ? before.plus(y.operatingProfit()) : before;
            restated.add(new OperatingProfitRecorded(y.implementationId(), y.year(), y.operatingProfit(), counted,
                    book.requiredRewardOn(after).minus(book.requiredRewardOn(before))));
            before = after;
        }
        years.clear();
        years.addAll(restated);
        firstProfitYear = first;
    }

    public boolean isRecorded() {
        return registration != null;
    }

    public ImplementationRecorded registration() {
        return registration;
    }

    public RewardBook book() {
        return book;
    }

    /** The payments, each tagged as a self-implementation reward never qualifying for the reduced wage tax. */
    public List<RewardBook.Payment> payments() {
        return book.payments().stream().map(p -> new RewardBook.Payment(p.paymentId(), p.personId(), p.amount(),
                p.paidOn(), SelfImplementationPolicy.REDUCED_WAGE_TAX)).toList();
    }

    public List<OperatingProfitRecorded> years() {
        return List.copyOf(years);
    }

    public long version() {
        return version;
    }

    /** The year as it stands, if its profit was recorded. */
    public Optional<OperatingProfitRecorded> year(int year) {
        return years.stream().filter(y -> y.year() == year).findFirst();
    }

    /** The year whose profit is recorded next: the year production started, then each following year. */
    public int nextYear() {
        return years.isEmpty() ? registration.productionStartedOn().getYear() : years.get(years.size() - 1).year() + 1;
    }

    /** The event recording a year's profit: whether the year is rewarded and what it adds to the reward owed. */
    public OperatingProfitRecorded profitRecorded(int year, Money profit) {
        boolean counted = SelfImplementationPolicy.counts(registration.window(),
                registration.productionStartedOn().getYear(), firstProfitYear, year, profit.isPositive());
        Money owed = counted ? book.requiredRewardOnFurtherIncome(profit) : Money.ZERO;
        return new OperatingProfitRecorded(registration.implementationId(), year, profit, counted, owed);
    }

    public boolean usesEntryId(String id) {
        return entryIds.contains(id) || book.typeOf(id).isPresent();
    }
}
