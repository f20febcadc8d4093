package org.techtransfer.ledger.projections.reward;

import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link RewardObligationProjection#STATUS_ON} relies on: the status moves with the calendar at most once, the
 * day after {@code dueBy}, so the status up to it and the status after it say it for every day. Should the rule
 * ever move at another day (a grace period, a warning before the deadline), this fails and the two stored
 * statuses must become more.
 */
class StatusOnTheDayTest {

    @Test
    void the_status_of_any_day_is_the_one_until_due_or_the_one_after_due() {
        LocalDate dueBy = LocalDate.of(2029, 3, 1);
        List<Long> amounts = List.of(0L, 1L, 69_999L, 70_000L, 70_001L);
        for (long required : amounts) {
            for (long paid : amounts) {
                Money r = Money.ofFen(required);
                Money p = Money.ofFen(paid);
                LocalDate due = p.isLessThan(r) ? dueBy : null; // RewardBook: a dueBy while something is owed
                RewardStatus untilDue = RewardStatus.of(r, p, due, due);
                RewardStatus afterDue = due == null ? untilDue : RewardStatus.of(r, p, due, due.plusDays(1));
                for (int offset = -800; offset <= 800; offset++) {
                    LocalDate today = dueBy.plusDays(offset);
                    RewardStatus chosen = due == null || !today.isAfter(due) ? untilDue : afterDue;
                    assertThat(chosen).as("required %d paid %d on %s", required, paid, today)
                            .isEqualTo(RewardStatus.of(r, p, due, today));
                }
            }
        }
    }
}
