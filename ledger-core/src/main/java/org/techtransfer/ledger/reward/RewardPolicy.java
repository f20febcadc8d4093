package org.techtransfer.ledger.reward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import static org.techtransfer.ledger.rule.Rule.RATE_BELOW_FLOOR;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * One version of a reward policy: the minimum shares for personnel and the payment deadline,
 * in force from {@code effectiveFrom} until the next version of the same family.
 *
 * @param cashRate       minimum share of net income for licences and assignments (and the cash of equity deals)
 * @param shareRate      minimum share of the shares received for an equity investment
 * @param deadlineMonths months after an income within which the reward it raised must be paid: policy, no law sets it
 * @param source         what the rates rest on: the law's minimum, or the policy that raises it, with the articles
 */
public record RewardPolicy(String id, PolicyName name, LocalDate effectiveFrom,
                           BigDecimal cashRate, BigDecimal shareRate, int deadlineMonths, String source) {

    public RewardPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        requireRate(cashRate, "cashRate");
        requireRate(shareRate, "shareRate");
        // a policy may raise the law's minimum, never lower it (Law Art. 45 para. 2)
        BigDecimal lowest = cashRate.min(shareRate);
        refuseIf(lowest.compareTo(RewardPolicies.STATUTORY_FLOOR) < 0, RATE_BELOW_FLOOR, "policy " + id + " sets "
                        + lowest.toPlainString() + ", below the law's minimum of "
                        + RewardPolicies.STATUTORY_FLOOR.toPlainString() + " (Law Art. 45)", lowest,
                RewardPolicies.STATUTORY_FLOOR, id, RewardPolicies.STATUTORY_FLOOR);
        if (deadlineMonths < 1) {
            throw new IllegalArgumentException("deadlineMonths must be at least 1");
        }
    }

    static void requireRate(BigDecimal rate, String name) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
