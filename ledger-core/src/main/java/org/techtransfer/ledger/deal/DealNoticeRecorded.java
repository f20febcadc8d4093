package org.techtransfer.ledger.deal;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/** An institution publicised an achievement and its proposed price, from {@code from} to {@code to}. */
public record DealNoticeRecorded(String institutionId, String noticeId, String achievement, Money proposedPrice,
                                 LocalDate from, LocalDate to) {

    public DealNotice notice() {
        return new DealNotice(noticeId, achievement, proposedPrice, from, to);
    }
}
