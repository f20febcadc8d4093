package org.techtransfer.ledger.deal;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/**
 * A notice, inside the institution, of an achievement's name and its proposed price, from {@code from} to
 * {@code to} (Art. 18).
 */
public record DealNotice(String noticeId, String achievement, Money proposedPrice, LocalDate from, LocalDate to) {

    /** Whether the notice had ended by {@code day}: its last day on or before it. */
    public boolean endedBy(LocalDate day) {
        return !to.isAfter(day);
    }
}
