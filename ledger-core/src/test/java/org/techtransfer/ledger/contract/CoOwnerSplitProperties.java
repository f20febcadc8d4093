package org.techtransfer.ledger.contract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.techtransfer.ledger.coownership.CoOwner;
import org.techtransfer.ledger.coownership.CoOwnerSplit;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: co-owners' splits add up to each receipt, each within a fen of its exact share. */
class CoOwnerSplitProperties {

    @Property(tries = 1000)
    void splits_add_up_to_the_receipt_and_stay_within_a_fen_of_each_share(
            @ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long fen,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1_000_000) Integer> weights) {
        // shares of six decimals that add up to 1 exactly: the weights' proportions, the last taking the rest
        long total = weights.stream().mapToLong(Integer::longValue).sum();
        List<CoOwner> owners = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share = i == weights.size() - 1 ? BigDecimal.ONE.subtract(given)
                    : BigDecimal.valueOf(weights.get(i)).divide(BigDecimal.valueOf(total), 6, java.math.RoundingMode.FLOOR);
            if (share.signum() == 0) {
                return; // a weight too small for six decimals: not a share anyone agrees
            }
            given = given.add(share);
            owners.add(new CoOwner("I-" + i, share));
        }
        List<Money> parts = CoOwnerSplit.split(Money.ofFen(fen), owners);
        assertThat(parts.stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(fen).multiply(owners.get(i).share());
            assertThat(BigDecimal.valueOf(parts.get(i).fen()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }
}
