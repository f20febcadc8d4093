package org.techtransfer.ledger.reward;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Withdrawing a reward decision (issue 15): every figure returns to what it was before the decision, and a
 * withdrawal the book accepts never leaves anyone paid more than the decisions left give them.
 */
class WithdrawalProperties {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final List<Contributor> PEOPLE = List.of(
            new Contributor("p1", "Principal One", true, false, false),
            new Contributor("p2", "Principal Two", true, false, false),
            new Contributor("n1", "Other One", false, false, false));

    @Property(tries = 500)
    void withdrawing_a_decision_returns_every_figure_to_what_it_was_before_it(
            @ForAll long seed, @ForAll @IntRange(max = 40) int length, @ForAll boolean cash) {
        Random random = new Random(seed);
        RewardBook book = history(random, length);
        List<Object> before = state(book);

        if (cash) {
            long half = 1 + random.nextInt(1_000_000);
            book.decideCash("X", START.plusDays(random.nextInt(400)), Money.ofFen(2 * half), List.of(
                    new Allocation(person(random), Money.ofFen(half)), new Allocation("n1", Money.ofFen(half))));
        } else {
            long shares = 1 + random.nextInt(1_000);
            book.decideEquity("X", 2 * shares, List.of(new ShareAllocation(person(random), shares),
                    new ShareAllocation("n1", shares)));
        }
        book.withdraw("X");

        assertThat(state(book)).isEqualTo(before);
    }

    @Property(tries = 500)
    void an_accepted_withdrawal_leaves_nobody_paid_more_than_allocated(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
        Random random = new Random(seed);
        RewardBook book = history(random, length);
        String decision = "D-" + random.nextInt(length);
        try {
            book.checkWithdrawal(decision);
        } catch (RuleViolation refused) {
            return; // unknown, withdrawn, or paid: nothing to show
        }
        book.withdraw(decision);
        for (Contributor c : PEOPLE) {
            assertThat(book.paidTo(c.personId())).isLessThanOrEqualTo(book.allocatedTo(c.personId()));
        }
    }

    /** Every figure the book shows, on days around the history, and each person's allocation and pay. */
    private static List<Object> state(RewardBook book) {
        List<Object> state = new ArrayList<>();
        for (int years = 0; years <= 6; years += 3) {
            state.add(book.figures(START.plusYears(years)));
        }
        for (Contributor c : PEOPLE) {
            state.add(book.allocatedTo(c.personId()));
            state.add(book.paidTo(c.personId()));
        }
        return state;
    }

    /** Incomes, costs, equity and decisions, with payments made only where the checks allow them. */
    private static RewardBook history(Random random, int length) {
        RewardBook book = new RewardBook(new RewardTerms("TEST", new BigDecimal("0.70"), new BigDecimal("0.70"), 36),
                PEOPLE, RewardBookTest.PATENT_LICENSE_OF_A_UNIVERSITY);
        for (int i = 0; i < length; i++) {
            LocalDate day = START.plusDays(random.nextInt(400));
            Money amount = Money.ofFen(1 + random.nextInt(10_000_000));
            switch (random.nextInt(6)) {
                case 0 -> book.recordIncome("I-" + i, amount, day);
                case 1 -> book.recordCost("K-" + i, amount);
                case 2 -> book.receiveEquity("E-" + i, 1 + random.nextInt(1_000));
                case 3 -> book.decideCash("D-" + i, day, amount.times(2),
                        List.of(new Allocation(person(random), amount), new Allocation("n1", amount)));
                case 4 -> book.decideEquity("D-" + i, 2, List.of(new ShareAllocation(person(random), 1),
                        new ShareAllocation("n1", 1)));
                default -> {
                    String payee = random.nextBoolean() ? person(random) : "n1";
                    try {
                        book.checkPayment(payee, amount, day);
                        book.pay("P-" + i, payee, amount, day);
                    } catch (RuleViolation refused) {
                        // a payment the ledger would refuse is not part of a history
                    }
                }
            }
        }
        return book;
    }

    private static String person(Random random) {
        return random.nextBoolean() ? "p1" : "p2";
    }
}
