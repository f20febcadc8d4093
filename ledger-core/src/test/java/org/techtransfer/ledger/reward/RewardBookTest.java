package org.techtransfer.ledger.reward;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardBookTest {

    private static final RewardTerms BEIJING = new RewardTerms("BEIJING-2020", new BigDecimal("0.70"),
            new BigDecimal("0.70"), 36);
    private static final Contributor ALICE = new Contributor("alice", "Alice Wang", true, false, false);
    private static final Contributor BOB = new Contributor("bob", "Bob Li", false, false, false);
    private static final Contributor DEAN = new Contributor("dean", "Dean Zhao", false, true, false);
    private static final LocalDate JAN = LocalDate.of(2021, 1, 10);
    private static final LocalDate JUN = LocalDate.of(2021, 6, 1);

    /** A licence of a patent by a non-profit university: its payments can qualify for the reduced wage tax. */
    static final WageTaxFacts PATENT_LICENSE_OF_A_UNIVERSITY = new WageTaxFacts(true, true, true, IpKind.PATENT);

    private static Money yuan(String amount) {
        return Money.of(amount);
    }

    private static RewardBook book(RewardTerms terms) {
        return new RewardBook(terms, List.of(ALICE, BOB, DEAN), PATENT_LICENSE_OF_A_UNIVERSITY);
    }

    /** Two incomes of 1000.00, in January and June 2021: 700.00 accrues with each. */
    private static RewardBook twoIncomes() {
        RewardBook book = book(BEIJING);
        book.recordIncome("I-1", yuan("1000.00"), JAN);
        book.recordIncome("I-2", yuan("1000.00"), JUN);
        book.decideCash("D-1", JAN, yuan("1400.00"), List.of(new Allocation("alice", yuan("1400.00"))));
        return book;
    }

    private static void assertRefused(Runnable check, Rule rule) {
        assertThatThrownBy(check::run).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo(rule);
    }

    @Nested
    class Figures {

        @Test
        void sums_up_income_costs_decisions_payments_and_shares() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("1000.00"), JAN);
            book.recordCost("K-1", yuan("200.00"));
            book.decideCash("D-1", JAN, yuan("560.00"), List.of(new Allocation("alice", yuan("560.00"))));
            book.pay("P-1", "alice", yuan("100.00"), JUN);
            book.receiveEquity("E-1", 1001);
            book.decideEquity("Q-1", 701, List.of(new ShareAllocation("alice", 701)));

            assertThat(book.figures(JUN)).isEqualTo(new RewardFigures(yuan("1000.00"), yuan("200.00"),
                    yuan("800.00"), yuan("560.00"), yuan("560.00"), yuan("100.00"), yuan("460.00"),
                    RewardStatus.OUTSTANDING, LocalDate.of(2024, 1, 10), 1001, 701, 701, 0, RewardStatus.COMPLIANT));
            assertThat(book.allocatedTo("alice")).isEqualTo(yuan("560.00"));
            assertThat(book.paidTo("alice")).isEqualTo(yuan("100.00"));
            assertThat(book.allocatedTo("bob")).isEqualTo(Money.ZERO);
        }

        @Test
        void a_new_book_owes_nothing() {
            assertThat(book(BEIJING).figures(JUN)).isEqualTo(new RewardFigures(Money.ZERO, Money.ZERO, Money.ZERO,
                    Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, RewardStatus.NOTHING_DUE, null, 0, 0, 0, 0,
                    RewardStatus.NOTHING_DUE));
        }

        @Test
        void rounds_the_required_reward_up_to_the_fen() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("100.01"), JAN);
            assertThat(book.requiredReward()).isEqualTo(yuan("70.01"));
            book.recordIncome("I-2", yuan("0.02"), JAN);   // 100.03 * 0.7 = 70.021
            assertThat(book.requiredReward()).isEqualTo(yuan("70.03"));
        }

        @Test
        void net_income_is_never_below_zero() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("100.00"), JAN);
            book.recordCost("K-1", yuan("500.00"));
            assertThat(book.netIncome()).isEqualTo(Money.ZERO);
            assertThat(book.requiredReward()).isEqualTo(Money.ZERO);
            assertThat(book.figures(JUN).deductibleCosts()).isEqualTo(yuan("500.00"));
        }

        @Test
        void reversed_entries_do_not_count() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("1000.00"), JAN);
            book.recordIncome("I-2", yuan("500.00"), JAN);
            book.recordCost("K-1", yuan("100.00"));
            book.receiveEquity("E-1", 1001);
            book.decideCash("D-1", JAN, yuan("1000.00"), List.of(new Allocation("alice", yuan("1000.00"))));
            book.pay("P-1", "alice", yuan("300.00"), JUN);

            book.reverse("I-2");
            book.reverse("K-1");
            book.reverse("E-1");
            book.reverse("P-1");

            RewardFigures figures = book.figures(JUN);
            assertThat(figures.income()).isEqualTo(yuan("1000.00"));
            assertThat(figures.deductibleCosts()).isEqualTo(Money.ZERO);
            assertThat(figures.requiredReward()).isEqualTo(yuan("700.00"));
            assertThat(figures.rewardPaid()).isEqualTo(Money.ZERO);
            assertThat(figures.sharesReceived()).isZero();
            assertThat(figures.requiredShares()).isZero();
            assertThat(book.paidTo("alice")).isEqualTo(Money.ZERO);
        }

        @Test
        void required_shares_are_rounded_up_to_a_whole_share() {
            RewardBook book = book(BEIJING);
            book.receiveEquity("E-1", 1001);
            assertThat(book.requiredShares()).isEqualTo(701);
            book.receiveEquity("E-2", 999);
            assertThat(book.requiredShares()).isEqualTo(1400);
        }

        @Test
        void kinds_without_a_floor_owe_nothing() {
            RewardBook book = book(new RewardTerms("BEIJING-2020", BigDecimal.ZERO, BigDecimal.ZERO, 36));
            book.recordIncome("I-1", yuan("1000000.00"), JAN);
            book.receiveEquity("E-1", 1000);
            assertThat(book.requiredReward()).isEqualTo(Money.ZERO);
            assertThat(book.requiredShares()).isZero();
            assertThat(book.status(JUN)).isEqualTo(RewardStatus.NOTHING_DUE);
            assertThat(book.dueBy()).isEmpty();
        }
    }

    @Nested
    class Deadline {

        @Test
        void is_36_months_after_the_oldest_unpaid_income() {
            assertThat(twoIncomes().dueBy()).contains(LocalDate.of(2024, 1, 10));
        }

        @Test
        void stays_with_the_first_income_until_its_accrual_is_paid_in_full() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("699.99"), JUN);
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 1, 10));
        }

        @Test
        void moves_to_the_second_income_once_the_first_accrual_is_paid() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("700.00"), JUN);
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 6, 1));
        }

        @Test
        void is_gone_once_everything_required_is_paid() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("700.00"), JUN);
            book.pay("P-2", "alice", yuan("700.00"), JUN);
            assertThat(book.dueBy()).isEmpty();
            assertThat(book.status(LocalDate.of(2030, 1, 1))).isEqualTo(RewardStatus.COMPLIANT);
        }

        @Test
        void settles_incomes_by_date_received_not_by_order_recorded() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-2", yuan("1000.00"), JUN);
            book.recordIncome("I-1", yuan("1000.00"), JAN);
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 1, 10));
            book.pay("P-1", "alice", yuan("700.00"), JUN);
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 6, 1));
        }

        @Test
        void skips_an_income_that_costs_absorbed() {
            RewardBook book = twoIncomes();
            book.recordCost("K-1", yuan("1000.00"));   // required 700.00, all of it from June
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 6, 1));
        }

        @Test
        void ignores_a_reversed_income() {
            RewardBook book = twoIncomes();
            book.reverse("I-1");
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 6, 1));
        }

        @Test
        void comes_back_when_a_payment_is_reversed() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("700.00"), JUN);
            book.reverse("P-1");
            assertThat(book.dueBy()).contains(LocalDate.of(2024, 1, 10));
        }

        @Test
        void follows_a_shorter_deadline_of_the_terms() {
            RewardBook book = book(new RewardTerms("BEIJING-2020", new BigDecimal("0.70"),
                    new BigDecimal("0.70"), 24));
            book.recordIncome("I-1", yuan("1000.00"), JAN);
            assertThat(book.dueBy()).contains(LocalDate.of(2023, 1, 10));
        }

        @Test
        void ends_on_the_last_day_of_a_shorter_month() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("1000.00"), LocalDate.of(2020, 2, 29));
            assertThat(book.dueBy()).contains(LocalDate.of(2023, 2, 28));
        }
    }

    @Nested
    class Status {

        @Test
        void is_outstanding_up_to_and_on_the_deadline() {
            RewardBook book = twoIncomes();
            assertThat(book.status(JAN)).isEqualTo(RewardStatus.OUTSTANDING);
            assertThat(book.status(LocalDate.of(2024, 1, 10))).isEqualTo(RewardStatus.OUTSTANDING);
        }

        @Test
        void is_overdue_the_day_after_the_deadline() {
            assertThat(twoIncomes().status(LocalDate.of(2024, 1, 11))).isEqualTo(RewardStatus.OVERDUE);
        }

        @Test
        void paying_the_oldest_accrual_moves_the_day_it_becomes_overdue() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("700.00"), JUN);
            assertThat(book.status(LocalDate.of(2024, 1, 11))).isEqualTo(RewardStatus.OUTSTANDING);
            assertThat(book.status(LocalDate.of(2024, 6, 1))).isEqualTo(RewardStatus.OUTSTANDING);
            assertThat(book.status(LocalDate.of(2024, 6, 2))).isEqualTo(RewardStatus.OVERDUE);
        }

        @Test
        void is_compliant_when_paid_at_least_the_required_reward() {
            RewardBook book = twoIncomes();
            book.pay("P-1", "alice", yuan("1400.00"), JUN);
            assertThat(book.status(LocalDate.of(2030, 1, 1))).isEqualTo(RewardStatus.COMPLIANT);
            book.reverse("I-2");   // now paid above the required 700.00
            RewardFigures figures = book.figures(LocalDate.of(2030, 1, 1));
            assertThat(figures.rewardStatus()).isEqualTo(RewardStatus.COMPLIANT);
            assertThat(figures.outstanding()).isEqualTo(Money.ZERO);
            assertThat(figures.dueBy()).isNull();
        }

        @Test
        void is_nothing_due_when_the_required_reward_is_zero() {
            RewardBook book = book(BEIJING);
            assertThat(book.status(JUN)).isEqualTo(RewardStatus.NOTHING_DUE);
            book.recordIncome("I-1", yuan("100.00"), JAN);
            book.recordCost("K-1", yuan("100.00"));
            assertThat(book.status(LocalDate.of(2030, 1, 1))).isEqualTo(RewardStatus.NOTHING_DUE);
        }

        @Test
        void a_decision_alone_does_not_make_the_contract_compliant() {
            RewardBook book = twoIncomes();   // decided 1400.00, paid nothing
            assertThat(book.status(LocalDate.of(2024, 1, 11))).isEqualTo(RewardStatus.OVERDUE);
        }
    }

    @Nested
    class Checks {

        @Test
        void a_cash_decision_is_checked_for_contributors_sum_principal_share_and_minimum_in_that_order() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("100.00"), JAN);
            assertRefused(() -> book.checkCashDecision(yuan("10.00"),
                    List.of(new Allocation("mallory", yuan("1.00")))), Rule.NOT_A_CONTRIBUTOR);
            assertRefused(() -> book.checkCashDecision(yuan("10.00"),
                    List.of(new Allocation("bob", yuan("1.00")))), Rule.ALLOCATION_SUM_MISMATCH);
            assertRefused(() -> book.checkCashDecision(yuan("10.00"),
                    List.of(new Allocation("bob", yuan("10.00")))), Rule.PRINCIPAL_SHARE_BELOW_HALF);
            assertRefused(() -> book.checkCashDecision(yuan("69.99"),
                    List.of(new Allocation("alice", yuan("69.99")))), Rule.REWARD_BELOW_MINIMUM);
            assertThatCode(() -> book.checkCashDecision(yuan("70.00"),
                    List.of(new Allocation("alice", yuan("70.00"))))).doesNotThrowAnyException();
        }

        @Test
        void an_equity_decision_is_checked_against_shares_received_and_the_minimum() {
            RewardBook book = book(BEIJING);
            book.receiveEquity("E-1", 10);
            assertRefused(() -> book.checkEquityDecision(11, List.of(new ShareAllocation("alice", 11))),
                    Rule.ALLOCATION_EXCEEDS_SHARES);
            assertRefused(() -> book.checkEquityDecision(6, List.of(new ShareAllocation("alice", 6))),
                    Rule.EQUITY_REWARD_BELOW_MINIMUM);
            assertThatCode(() -> book.checkEquityDecision(7, List.of(new ShareAllocation("alice", 7))))
                    .doesNotThrowAnyException();
            book.decideEquity("Q-1", 7, List.of(new ShareAllocation("alice", 7)));
            assertThat(book.figures(JUN).sharesAllocated()).isEqualTo(7);
            assertThatCode(() -> book.checkEquityDecision(3, List.of(new ShareAllocation("alice", 3))))
                    .doesNotThrowAnyException();
            assertRefused(() -> book.checkEquityDecision(4, List.of(new ShareAllocation("alice", 4))),
                    Rule.ALLOCATION_EXCEEDS_SHARES);
        }

        @Test
        void a_leader_is_paid_only_after_a_notice_of_a_decision_for_them_has_ended() {
            RewardBook book = book(BEIJING);
            book.decideCash("D-1", JAN, yuan("100.00"), List.of(new Allocation("alice", yuan("50.00")),
                    new Allocation("dean", yuan("50.00"))));
            LocalDate end = LocalDate.of(2021, 5, 10);
            assertRefused(() -> book.checkPayment("dean", yuan("50.00"), end), Rule.PUBLICITY_REQUIRED);
            book.publicize("D-1", end);
            assertRefused(() -> book.checkPayment("dean", yuan("50.00"), end.minusDays(1)), Rule.PUBLICITY_REQUIRED);
            assertThatCode(() -> book.checkPayment("dean", yuan("50.00"), end)).doesNotThrowAnyException();
            assertRefused(() -> book.checkPayment("dean", yuan("50.01"), end), Rule.PAYMENT_EXCEEDS_ALLOCATION);
        }

        @Test
        void the_earliest_notice_of_a_decision_counts() {
            RewardBook book = book(BEIJING);
            book.decideCash("D-1", JAN, yuan("100.00"), List.of(new Allocation("alice", yuan("50.00")),
                    new Allocation("dean", yuan("50.00"))));
            book.publicize("D-1", LocalDate.of(2021, 5, 20));
            book.publicize("D-1", LocalDate.of(2021, 5, 10));
            assertThatCode(() -> book.checkPayment("dean", yuan("50.00"), LocalDate.of(2021, 5, 10)))
                    .doesNotThrowAnyException();
        }

        @Test
        void only_reward_decisions_can_be_publicized() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("10.00"), JAN);
            book.decideEquity("Q-1", 1, List.of(new ShareAllocation("alice", 1)));
            assertRefused(() -> book.checkPublicity("I-1"), Rule.UNKNOWN_ENTRY);
            assertThatCode(() -> book.checkPublicity("Q-1")).doesNotThrowAnyException();
        }

        @Test
        void only_incomes_costs_equity_and_payments_can_be_reversed_and_only_once() {
            RewardBook book = book(BEIJING);
            book.recordIncome("I-1", yuan("10.00"), JAN);
            book.recordCost("K-1", yuan("1.00"));
            book.receiveEquity("E-1", 5);
            book.decideCash("D-1", JAN, yuan("7.00"), List.of(new Allocation("alice", yuan("7.00"))));
            book.pay("P-1", "alice", yuan("7.00"), JUN);

            assertThat(book.typeOf("I-1")).contains(EntryType.INCOME);
            assertThat(book.typeOf("K-1")).contains(EntryType.COST);
            assertThat(book.typeOf("E-1")).contains(EntryType.EQUITY);
            assertThat(book.typeOf("P-1")).contains(EntryType.PAYMENT);
            assertThat(book.typeOf("D-1")).isEmpty();
            assertRefused(() -> book.checkReversal("D-1"), Rule.UNKNOWN_ENTRY);

            book.reverse("P-1");
            assertRefused(() -> book.checkReversal("P-1"), Rule.ALREADY_REVERSED);
            assertThatCode(() -> book.checkReversal("I-1")).doesNotThrowAnyException();
        }
    }
}
