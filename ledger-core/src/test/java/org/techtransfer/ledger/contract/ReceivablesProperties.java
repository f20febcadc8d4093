package org.techtransfer.ledger.contract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.receivable.DealBook;
import org.techtransfer.ledger.receivable.Instalment;
import org.techtransfer.ledger.receivable.PaymentSchedule;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivables;
import org.techtransfer.ledger.receivable.SetPaymentTerms;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/** Issue 15: a schedule's instalments add up to the contract's amount; receipts never settle more than is expected. */
class ReceivablesProperties {

    @Property(tries = 500)
    void equal_instalments_add_up_to_the_amount_and_differ_by_at_most_a_fen(
            @ForAll @LongRange(min = 120, max = 99_999_999_999_999L) long fen, @ForAll @IntRange(min = 1, max = 120) int count,
            @ForAll @IntRange(min = 1, max = 12) int monthsApart) {
        Money amount = Money.ofFen(fen);
        List<Instalment> instalments = PaymentSchedule.equalInstalments("I", amount, count, SIGNED, monthsApart);
        assertThat(instalments).hasSize(count);
        assertThat(PaymentSchedule.sum(instalments)).isEqualTo(amount);
        long smallest = instalments.stream().mapToLong(i -> i.amount().fen()).min().orElseThrow();
        long largest = instalments.stream().mapToLong(i -> i.amount().fen()).max().orElseThrow();
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
        // and the contract takes them as its terms: they add up to its amount
        new DealBook().checkTerms(new SetPaymentTerms(CONTRACT, "T-1", instalments, null, null), amount, SIGNED);
    }

    @Property(tries = 500)
    void receipts_settle_at_most_what_is_expected_and_overdue_is_part_of_the_outstanding(
            @ForAll @IntRange(min = 1, max = 24) int count, @ForAll @LongRange(min = 0, max = 100_000_000L) long receivedFen,
            @ForAll @IntRange(min = 0, max = 3000) int daysAfterSigning) {
        Money total = yuan("1000000.00");
        List<Instalment> instalments = PaymentSchedule.equalInstalments("I", total, count, SIGNED, 3);
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                new PaymentTermsSet(CONTRACT, "T-1", instalments, null, null),
                new IncomeRecorded(CONTRACT, "IN-1", Money.ofFen(receivedFen), RECEIVED, IncomeCategory.INSTALLMENT)));
        LocalDate today = SIGNED.plusDays(daysAfterSigning);
        Receivables r = state.receivables(today);
        assertThat(r.expected()).isEqualTo(total);
        assertThat(r.received().plus(r.outstanding())).isEqualTo(r.expected());
        assertThat(r.received().plus(r.unscheduled())).isEqualTo(Money.ofFen(receivedFen));
        assertThat(r.overdue().isGreaterThan(r.outstanding())).isFalse();
        assertThat(r.forecastReward()).isEqualTo(state.book().requiredRewardOnFurtherIncome(r.outstanding()));
    }
}
