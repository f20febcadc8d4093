package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount among co-owners by their shares, exact to the fen. Each gets its share rounded down to the
 * fen; the fen left over (fewer than the co-owners) go one each to the co-owners whose shares lost the largest
 * fractions of a fen, the first listed first among equal fractions (the largest-remainder method). The parts add
 * up to the amount exactly, and none is more than a fen from its exact share.
 */
public final class CoOwnerSplit {

    private CoOwnerSplit() {
    }

    public static List<Money> split(Money amount, List<CoOwner> owners) {
        BigDecimal fen = BigDecimal.valueOf(amount.fen());
        long[] parts = new long[owners.size()];
        BigDecimal[] fractions = new BigDecimal[owners.size()];
        long given = 0;
        for (int i = 0; i < owners.size(); i++) {
            BigDecimal exact = fen.multiply(owners.get(i).share());
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
        long left = amount.fen() - given;
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        List<Money> split = new ArrayList<>(owners.size());
        for (long part : parts) {
            split.add(Money.ofFen(part));
        }
        return split;
    }
}
