package org.techtransfer.ledger.reward;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reward arithmetic of docs/domain.md over random incomes, costs, rates and splits, checked against an
 * independent computation in whole fen ({@code ceil(net × k / 100)} for a rate of {@code k/100}) and
 * against exact {@link BigDecimal} bounds.
 */
class RewardPolicyProperties {

    /** 10^13 fen: a hundred billion yuan per entry. */
    private static final long MAX_FEN = 10_000_000_000_000L;
    private static final BigDecimal FEN = new BigDecimal("0.01");
    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    private static final List<Contributor> PEOPLE = List.of(
            new Contributor("p1", "Principal One", true, false, false),
            new Contributor("p2", "Principal Two", true, false, false),
            new Contributor("n1", "Other One", false, false, false),
            new Contributor("n2", "Other Two", false, false, false),
            new Contributor("n3", "Other Three", false, false, false));

    record Entry(long fen, int daysAfterStart, boolean reversed) {
    }

    // ---- generators ----

    /** A rate in percent: any of 1..100, often the statutory 50 and 70. */
    @Provide
    Arbitrary<Integer> percents() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 100)),
                Tuple.of(1, Arbitraries.of(50, 70)));
    }

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<Entry> entry = Combinators.combine(
                Arbitraries.longs().between(1, MAX_FEN),
                Arbitraries.integers().between(0, 3 * 365),
                Arbitraries.of(false, false, false, true)).as(Entry::new);
        return entry.list().ofMaxSize(8);
    }

    /** Five amounts in fen, one per person; zero means the person gets nothing. */
    @Provide
    Arbitrary<List<Long>> splits() {
        return Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(0L)),
                        Tuple.of(3, Arbitraries.longs().between(1, 1_000_000_000_000L)))
                .list().ofSize(PEOPLE.size())
                .filter(amounts -> amounts.stream().anyMatch(a -> a > 0));
    }

    /** How far the total is off the sum of the split: mostly not at all, often by one fen. */
    @Provide
    Arbitrary<Long> offsets() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(0L)),
                Tuple.of(2, Arbitraries.of(-1L, 1L)),
                Tuple.of(1, Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L)));
    }

    // ---- helpers ----

    private static BigDecimal rate(int percent) {
        return BigDecimal.valueOf(percent, 2);
    }

    private static RewardBook book(int percent) {
        return new RewardBook(new RewardTerms("TEST", rate(percent), rate(percent), 36), PEOPLE,
                RewardBookTest.PATENT_LICENSE_OF_A_UNIVERSITY);
    }

    /** Records the entries, reversing those marked; answers the net income in fen, computed independently. */
    private static long record(RewardBook book, List<Entry> incomes, List<Entry> costs) {
        long income = 0;
        long cost = 0;
        for (int i = 0; i < incomes.size(); i++) {
            Entry e = incomes.get(i);
            book.recordIncome("I-" + i, Money.ofFen(e.fen()), START.plusDays(e.daysAfterStart()));
            if (e.reversed()) {
                book.reverse("I-" + i);
            } else {
                income += e.fen();
            }
        }
        for (int i = 0; i < costs.size(); i++) {
            Entry e = costs.get(i);
            book.recordCost("K-" + i, Money.ofFen(e.fen()));
            if (e.reversed()) {
                book.reverse("K-" + i);
            } else {
                cost += e.fen();
            }
        }
        return Math.max(0, income - cost);
    }

    // ---- properties ----

    @Property
    void net_income_is_income_less_costs_and_never_negative(@ForAll("entries") List<Entry> incomes,
                                                          @ForAll("entries") List<Entry> costs,
                                                          @ForAll("percents") int percent) {
        RewardBook book = book(percent);
        long net = record(book, incomes, costs);

        assertThat(book.netIncome().isNegative()).isFalse();
        assertThat(book.netIncome()).isEqualTo(Money.ofFen(net));
        Statistics.label("net income").collect(net == 0 ? "zero" : "positive");
    }

    @Property
    void the_required_reward_is_rate_times_net_income_rounded_up_to_the_fen(@ForAll("entries") List<Entry> incomes,
                                                                             @ForAll("entries") List<Entry> costs,
                                                                             @ForAll("percents") int percent) {
        RewardBook book = book(percent);
        long net = record(book, incomes, costs);
        BigDecimal exact = BigDecimal.valueOf(net, 2).multiply(rate(percent));
        BigDecimal required = book.requiredReward().toBigDecimal();

        assertThat(required).isGreaterThanOrEqualTo(exact);
        assertThat(required.subtract(FEN)).as("a fen less would be below the exact share").isLessThan(exact);
        assertThat(book.requiredReward().fen()).isEqualTo((net * percent + 99) / 100);
        Statistics.label("rounded").collect(exact.stripTrailingZeros().scale() > 2 ? "up" : "exact");
    }

    @Property
    void a_cash_split_accepted_adds_up_to_the_total_exactly(@ForAll("splits") List<Long> amounts,
                                                           @ForAll("offsets") long offset,
                                                           @ForAll("percents") int percent,
                                                           @ForAll("entries") List<Entry> incomes) {
        RewardBook book = book(percent);
        record(book, incomes, List.of());
        List<Allocation> allocations = new ArrayList<>();
        long sum = 0;
        long principal = 0;
        for (int i = 0; i < PEOPLE.size(); i++) {
            long fen = amounts.get(i);
            if (fen > 0) {
                allocations.add(new Allocation(PEOPLE.get(i).personId(), Money.ofFen(fen)));
                sum += fen;
                principal += PEOPLE.get(i).principal() ? fen : 0;
            }
        }
        long total = sum + offset;
        Assume.that(total > 0);

        Rule refusal = null;
        try {
            book.checkCashDecision(Money.ofFen(total), allocations);
        } catch (RuleViolation violation) {
            refusal = violation.rule();
        }

        long required = book.requiredReward().fen();
        boolean shouldAccept = sum == total && 2 * principal >= total && total >= required;
        if (refusal == null) {
            assertThat(sum).isEqualTo(total);
            assertThat(2 * principal).isGreaterThanOrEqualTo(total);
            assertThat(total).isGreaterThanOrEqualTo(required);
        }
        assertThat(refusal == null).isEqualTo(shouldAccept);
        if (sum != total) {
            assertThat(refusal).isEqualTo(Rule.ALLOCATION_SUM_MISMATCH);
        }
        Statistics.label("outcome").collect(refusal == null ? "accepted" : refusal.name());
        Statistics.label("outcome").coverage(checker -> {
            checker.check("accepted").percentage(p -> p > 5);
            checker.check(Rule.ALLOCATION_SUM_MISMATCH.name()).percentage(p -> p > 5);
            checker.check(Rule.PRINCIPAL_SHARE_BELOW_HALF.name()).percentage(p -> p > 5);
        });
    }

    @Property
    void required_shares_are_rate_times_shares_rounded_up(@ForAll("entries") List<Entry> receipts,
                                                         @ForAll("percents") int percent) {
        RewardBook book = book(percent);
        long shares = 0;
        for (int i = 0; i < receipts.size(); i++) {
            Entry e = receipts.get(i);
            book.receiveEquity("E-" + i, e.fen());
            if (e.reversed()) {
                book.reverse("E-" + i);
            } else {
                shares += e.fen();
            }
        }
        BigDecimal exact = BigDecimal.valueOf(shares).multiply(rate(percent));
        long required = book.requiredShares();

        assertThat(BigDecimal.valueOf(required)).isGreaterThanOrEqualTo(exact);
        assertThat(BigDecimal.valueOf(required - 1)).as("a share less would be below the exact share")
                .isLessThan(exact);
        assertThat(required).isEqualTo((shares * percent + 99) / 100);
    }

    @Property
    void paying_the_required_reward_in_full_leaves_nothing_due(@ForAll("entries") List<Entry> incomes,
                                                              @ForAll("entries") List<Entry> costs,
                                                              @ForAll("percents") int percent) {
        RewardBook book = book(percent);
        record(book, incomes, costs);
        Money required = book.requiredReward();
        Assume.that(required.isPositive());

        LocalDate due = book.dueBy().orElseThrow();
        assertThat(incomes.stream().filter(e -> !e.reversed())
                .map(e -> START.plusDays(e.daysAfterStart()).plusMonths(36))).contains(due);
        assertThat(book.status(due)).isEqualTo(RewardStatus.OUTSTANDING);
        assertThat(book.status(due.plusDays(1))).isEqualTo(RewardStatus.OVERDUE);

        book.decideCash("D-1", START, required, List.of(new Allocation("p1", required)));
        book.pay("P-1", "p1", required, START);
        assertThat(book.dueBy()).isEmpty();
        assertThat(book.status(due.plusYears(10))).isEqualTo(RewardStatus.COMPLIANT);
        assertThat(book.figures(due).outstanding()).isEqualTo(Money.ZERO);
    }

    /**
     * The deadline of docs/domain.md computed naively: incomes that stand, oldest receipt first (in order of
     * record on the same day), each raising the requirement to ceil(rate × (cumulative income − costs));
     * the first whose requirement exceeds what was paid is due. Paid here is any part of the required reward.
     */
    @Property
    void the_deadline_is_that_of_the_first_income_whose_requirement_exceeds_what_was_paid(
            @ForAll("entries") List<Entry> incomes, @ForAll("entries") List<Entry> costs,
            @ForAll("percents") int percent, @ForAll @IntRange(min = 0, max = 100) int paidPercent) {
        RewardBook book = book(percent);
        record(book, incomes, costs);
        long cost = costs.stream().filter(e -> !e.reversed()).mapToLong(Entry::fen).sum();
        long paid = book.requiredReward().fen() * paidPercent / 100;
        if (paid > 0) {
            book.decideCash("D-1", START, Money.ofFen(paid), List.of(new Allocation("p1", Money.ofFen(paid))));
            book.pay("P-1", "p1", Money.ofFen(paid), START);
        }

        List<Entry> standing = new ArrayList<>(incomes.stream().filter(e -> !e.reversed()).toList());
        standing.sort(Comparator.comparingInt(Entry::daysAfterStart)); // stable: order of record kept
        LocalDate expected = null;
        long cumulative = 0;
        for (Entry e : standing) {
            cumulative += e.fen();
            long required = Money.ofFen(Math.max(0, cumulative - cost)).timesRoundedUp(rate(percent)).fen();
            if (required > paid) {
                expected = START.plusDays(e.daysAfterStart()).plusMonths(36);
                break;
            }
        }
        Statistics.collect(expected == null ? "nothing due" : "due");
        assertThat(book.dueBy().orElse(null)).isEqualTo(expected);
    }
}
