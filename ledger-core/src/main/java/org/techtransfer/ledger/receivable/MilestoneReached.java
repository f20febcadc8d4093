package org.techtransfer.ledger.receivable;

import java.time.LocalDate;

/** The event a milestone payment awaited happened on {@code reachedOn}: the instalment is due on that date. */
public record MilestoneReached(String contractId, String reachedId, String instalmentId, LocalDate reachedOn,
                               String note) {
}
