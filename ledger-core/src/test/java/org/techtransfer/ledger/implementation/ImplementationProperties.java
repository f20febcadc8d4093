package org.techtransfer.ledger.implementation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: the self-implementation obligation over the years is 5% of the counted profits, rounded up to the fen. */
class ImplementationProperties {

    @Property(tries = 500)
    void the_yearly_obligations_add_up_to_five_percent_of_the_counted_profits_rounded_up(
            @ForAll @Size(min = 1, max = 9) List<@LongRange(min = 0, max = 9_999_999_999L) Long> profitsFen,
            @ForAll boolean beijing, @ForAll @IntRange(min = 3, max = 5) int nationalYears) {
        ImplementationState state = ImplementationState.replay(List.of(
                beijing ? ImplementationTest.BEIJING_RECORDED
                        : ImplementationTest.recorded(ImplementationTest.NAT,
                        new org.techtransfer.ledger.reward.SelfImplementationPolicy.Window(
                                org.techtransfer.ledger.reward.SelfImplementationPolicy.Counting.FROM_PRODUCTION_START,
                                nationalYears), 24)));
        long owed = 0;
        long counted = 0;
        int countedYears = 0;
        Integer firstProfit = null;
        for (int i = 0; i < profitsFen.size(); i++) {
            int year = ImplementationTest.STARTED.getYear() + i;
            OperatingProfitRecorded recorded = state.profitRecorded(year, Money.ofFen(profitsFen.get(i)));
            state.evolve(recorded);
            owed += recorded.owed().fen();
            if (recorded.counted()) {
                counted += profitsFen.get(i);
                countedYears++;
            }
            if (firstProfit == null && profitsFen.get(i) > 0) {
                firstProfit = year;
            }
            // the counted years: Beijing from the first profit, the law from the start, each for its number of years
            int from = beijing ? (firstProfit == null ? Integer.MAX_VALUE : firstProfit) : ImplementationTest.STARTED.getYear();
            assertThat(recorded.counted()).isEqualTo(year >= from && year < from + (beijing ? 5 : nationalYears));
        }
        long expected = BigDecimal.valueOf(counted).multiply(new BigDecimal("0.05"))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        assertThat(owed).isEqualTo(expected);
        assertThat(state.book().requiredReward()).isEqualTo(Money.ofFen(expected));
        assertThat(countedYears).isLessThanOrEqualTo(beijing ? 5 : nationalYears);
    }
}
