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

    /**
     * Issue 15, "Corrections and bad input": after any years recorded and corrected, in any order, the reward owed is
     * 5% of the profits that stand in the rewarded years (counted again from them), rounded up to the fen, and the
     * years' {@code owed} add up to it.
     */
    @Property(tries = 500)
    void after_corrections_the_reward_is_five_percent_of_the_standing_profits_of_the_rewarded_years(
            @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 9_999_999_999L) Long> profitsFen,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 7) Integer> correctedYears,
            @ForAll @Size(min = 12, max = 12) List<@LongRange(min = 0, max = 999_999L) Long> correctionsFen,
            @ForAll boolean beijing, @ForAll @IntRange(min = 3, max = 5) int nationalYears,
            @ForAll @IntRange(min = 0, max = 8) int recordedBeforeCorrecting) {
        ImplementationState state = ImplementationState.replay(List.of(
                beijing ? ImplementationTest.BEIJING_RECORDED
                        : ImplementationTest.recorded(ImplementationTest.NAT,
                        new org.techtransfer.ledger.reward.SelfImplementationPolicy.Window(
                                org.techtransfer.ledger.reward.SelfImplementationPolicy.Counting.FROM_PRODUCTION_START,
                                nationalYears), 24)));
        int start = ImplementationTest.STARTED.getYear();
        java.util.List<Long> standing = new java.util.ArrayList<>();
        int recorded = 0;
        int corrections = 0;
        // some years first, then corrections of recorded years, each followed by the next year if any is left
        for (; recorded < Math.min(recordedBeforeCorrecting, profitsFen.size()); recorded++) {
            state.evolve(state.profitRecorded(start + recorded, Money.ofFen(profitsFen.get(recorded))));
            standing.add(profitsFen.get(recorded));
        }
        for (int index : correctedYears) {
            if (index < recorded) {
                // small corrections, often zero: they move a Beijing window's first year of profit
                long fen = correctionsFen.get(corrections) % 3 == 0 ? 0 : correctionsFen.get(corrections);
                state.evolve(new OperatingProfitCorrected(ImplementationTest.ID, "K-" + corrections, start + index,
                        Money.ofFen(standing.get(index)), Money.ofFen(fen), "restated"));
                standing.set(index, fen);
                corrections++;
            }
            if (recorded < profitsFen.size()) {
                state.evolve(state.profitRecorded(start + recorded, Money.ofFen(profitsFen.get(recorded))));
                standing.add(profitsFen.get(recorded));
                recorded++;
            }
        }
        Integer firstProfit = null;
        long counted = 0;
        for (int i = 0; i < standing.size(); i++) {
            int year = start + i;
            if (firstProfit == null && standing.get(i) > 0) {
                firstProfit = year;
            }
            int from = beijing ? (firstProfit == null ? Integer.MAX_VALUE : firstProfit) : start;
            boolean rewarded = year >= from && year < from + (beijing ? 5 : nationalYears);
            assertThat(state.years().get(i).counted()).as("year %d", year).isEqualTo(rewarded);
            assertThat(state.years().get(i).operatingProfit()).isEqualTo(Money.ofFen(standing.get(i)));
            if (rewarded) {
                counted += standing.get(i);
            }
        }
        long expected = BigDecimal.valueOf(counted).multiply(new BigDecimal("0.05"))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        assertThat(state.book().requiredReward()).isEqualTo(Money.ofFen(expected));
        assertThat(state.book().income()).isEqualTo(Money.ofFen(counted));
        assertThat(state.years().stream().mapToLong(y -> y.owed().fen()).sum()).isEqualTo(expected);
    }
}
