package org.techtransfer.ledger.contract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.techtransfer.ledger.coownership.CoOwner;
import org.techtransfer.ledger.coownership.CoOwnerBooks;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.coownership.CoOwnerSplit;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: co-owners' splits add up to each receipt, each within a fen of its exact share; shares received are
 * split the same way, in whole shares, and their valuation to the fen.
 */
class CoOwnerSplitProperties {

    @Property(tries = 1000)
    void splits_add_up_to_the_receipt_and_stay_within_a_fen_of_each_share(
            @ForAll @LongRange(min = 0, max = 99_999_999_999_999L) long fen,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1_000_000) Integer> weights) {
        List<CoOwner> owners = owners(weights);
        if (owners == null) {
            return;
        }
        List<Money> parts = CoOwnerSplit.split(Money.ofFen(fen), owners);
        assertThat(parts.stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(fen).multiply(owners.get(i).share());
            assertThat(BigDecimal.valueOf(parts.get(i).fen()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
        }
    }

    /** Folded through a contract: each co-owner's shares and value add up to every receipt of shares. */
    @Property(tries = 300)
    void equity_splits_add_up_to_each_equity_receipt(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 1_000_000_000_000L) Long> receipts,
            @ForAll @LongRange(min = 1, max = 99_999_999_999_999L) long valuationFen,
            @ForAll @Size(min = 2, max = 6) List<@IntRange(min = 1, max = 1_000_000) Integer> weights) {
        List<CoOwner> owners = owners(weights);
        if (owners == null) {
            return;
        }
        owners.set(0, new CoOwner(ContractTestData.BJ_UNI.institutionId(), owners.get(0).share()));
        List<Object> events = new ArrayList<>(List.of(ContractTestData.beijingLicence(),
                new CoOwnersSet(ContractTestData.CONTRACT, "CO-1", owners.stream()
                        .map(o -> new CoOwnerTerms(o.institutionId(), o.share(), ContractTestData.NAT_TERMS)).toList())));
        long sharesTotal = 0;
        for (int r = 0; r < receipts.size(); r++) {
            events.add(new EquityReceived(ContractTestData.CONTRACT, "E-" + r, "Spin-off Co.", receipts.get(r),
                    Money.ofFen(valuationFen), ContractTestData.RECEIVED));
            sharesTotal += receipts.get(r);
            long[] parts = CoOwnerSplit.split(receipts.get(r), owners);
            assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(receipts.get(r));
            for (int i = 0; i < parts.length; i++) {
                BigDecimal exact = BigDecimal.valueOf(receipts.get(r)).multiply(owners.get(i).share());
                assertThat(BigDecimal.valueOf(parts[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
            }
        }
        List<CoOwnerBooks.CoOwnerFigures> figures = ContractState.replay(events).coOwners()
                .figures(ContractTestData.TODAY);
        assertThat(figures.stream().mapToLong(CoOwnerBooks.CoOwnerFigures::sharesReceived).sum()).isEqualTo(sharesTotal);
        assertThat(figures.stream().mapToLong(f -> f.equityValue().fen()).sum())
                .isEqualTo(valuationFen * receipts.size());
    }

    /** Shares of six decimals that add up to 1 exactly: the weights' proportions, the last taking the rest. */
    private static List<CoOwner> owners(List<Integer> weights) {
        long total = weights.stream().mapToLong(Integer::longValue).sum();
        List<CoOwner> owners = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal share = i == weights.size() - 1 ? BigDecimal.ONE.subtract(given)
                    : BigDecimal.valueOf(weights.get(i)).divide(BigDecimal.valueOf(total), 6, java.math.RoundingMode.FLOOR);
            if (share.signum() == 0) {
                return null; // a weight too small for six decimals: not a share anyone agrees
            }
            given = given.add(share);
            owners.add(new CoOwner("I-" + i, share));
        }
        return owners;
    }
}
