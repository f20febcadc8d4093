package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;

/**
 * A running royalty (提成): {@code rate} of the net sales the licensee reports, payable {@code paymentDays} after
 * each reported period ends; with a minimum annual royalty, each calendar year from {@code firstYear} to
 * {@code lastYear} brings at least that much, the shortfall payable {@code paymentDays} after the year ends.
 *
 * @param minimumAnnual the minimum annual royalty, or null for none
 */
public record RoyaltyTerms(BigDecimal rate, Money minimumAnnual, int firstYear, int lastYear, int paymentDays) {

    public RoyaltyTerms {
        if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidField("royalty.rate", "must be above 0 and at most 1");
        }
        if (rate.scale() > 6) {
            throw new InvalidField("royalty.rate", "must have at most 6 decimals");
        }
        if (minimumAnnual != null && !minimumAnnual.isPositive()) {
            throw new InvalidField("royalty.minimumAnnual", "must be positive");
        }
        if (firstYear < 1980 || firstYear > 2200) {
            throw new InvalidField("royalty.firstYear", "must be a year between 1980 and 2200");
        }
        if (lastYear < firstYear || lastYear > firstYear + 50) {
            throw new InvalidField("royalty.lastYear", "must be from firstYear to 50 years after it");
        }
        if (paymentDays < 0 || paymentDays > 366) {
            throw new InvalidField("royalty.paymentDays", "must be from 0 to 366");
        }
    }

    /**
     * The royalty on reported net sales, {@code rate × net sales} rounded to the nearest fen (half up): money the
     * licensee owes the institution, not a reward, so no side is favoured.
     */
    public Money royaltyOn(Money netSales) {
        return Money.of(netSales.toBigDecimal().multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    /** When the royalty of a period ending on {@code periodTo} is due. */
    public LocalDate dueAfter(LocalDate periodTo) {
        return periodTo.plusDays(paymentDays);
    }

    /** When the shortfall of a year's minimum royalty is due. */
    public LocalDate minimumDue(int year) {
        return dueAfter(LocalDate.of(year, Month.DECEMBER, 31));
    }
}
