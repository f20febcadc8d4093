package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount among co-owners by their shares, exact to the unit: the fen of a sum of money, the whole share
 * of shares received. Each gets its share rounded down to the unit; the units left over (fewer than the co-owners)
 * go one each to the co-owners whose shares lost the largest fractions of a unit, the first listed first among
 * equal fractions (the largest-remainder method). The parts add up to the amount exactly, and none is more than a
 * unit from its exact share.
 */
public final class CoOwnerSplit {

    private CoOwnerSplit() {
    }

    public static List<Money> split(Money amount, List<CoOwner> owners) {
        List<Money> split = new ArrayList<>(owners.size());
        for (long part : split(amount.fen(), owners)) {
            split.add(Money.ofFen(part));
        }
        return split;
    }

    /** Splits a count of whole units (fen, shares), at least zero; the parts in the order of the owners. */
    public static long[] split(long units, List<CoOwner> owners) {
        BigDecimal whole = BigDecimal.valueOf(units);
        long[] parts = new long[owners.size()];
        BigDecimal[] fractions = new BigDecimal[owners.size()];
        long given = 0;
        for (int i = 0; i < owners.size(); i++) {
            BigDecimal exact = whole.multiply(owners.get(i).share());
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.longValueExact();
            fractions[i] = exact.subtract(floor);
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> fractions[i]).reversed().thenComparing(i -> i));
        long left = units - given;
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }
}
