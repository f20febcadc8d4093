package org.techtransfer.ledger.reward;

/**
 * Whether a cash payment qualifies for the reduced wage tax (Caishui [2018] No. 58: half of it counted into
 * the month's wages) and, when it does not, the first condition that failed. The ledger tags; it computes no tax.
 *
 * @param reason null when the payment qualifies
 */
public record ReducedWageTax(boolean qualifies, WageTaxReason reason) {

    public static final ReducedWageTax QUALIFIES = new ReducedWageTax(true, null);

    public ReducedWageTax {
        if (qualifies != (reason == null)) {
            throw new IllegalArgumentException("a payment qualifies exactly when no condition fails");
        }
    }

    public static ReducedWageTax fails(WageTaxReason reason) {
        return new ReducedWageTax(false, reason);
    }
}
