package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * One payment a contract promises: a fixed instalment with its due date, or a milestone payment due on a date or
 * on an event ({@code milestone}, e.g. "clinical trial approved"). A milestone awaiting its event has no due date
 * yet: it is expected but cannot be overdue; once the event happens it is recorded as reached
 * ({@link RecordMilestoneReached}) and the instalment is due on that day.
 */
public record Instalment(String instalmentId, InstalmentKind kind, Money amount, LocalDate dueOn, String milestone) {

    public Instalment {
        Require.id(instalmentId, "instalmentId");
        Require.present(kind, "kind");
        Require.positive(amount, "amount");
        if (milestone != null) {
            Require.text(milestone, "milestone");
        }
        if (kind == InstalmentKind.FIXED && dueOn == null) {
            throw new InvalidField("dueOn", "is required for a fixed instalment");
        }
        if (kind == InstalmentKind.MILESTONE && dueOn == null && milestone == null) {
            throw new InvalidField("milestone", "a milestone payment needs its due date or the event it awaits");
        }
    }
}
