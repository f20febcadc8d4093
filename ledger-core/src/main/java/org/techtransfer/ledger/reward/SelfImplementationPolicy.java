package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The reward for an achievement the institution implements itself or with others (docs/domain.md):
 * at least 5% of the operating profit it brings each year, for a number of consecutive years. Beijing
 * Regulations 2019, Art. 12 para. 3(3): 5 years, counted from the first year of profit after production starts;
 * the law, Art. 45(3): 3 to 5 years after production starts, the number the institution's rule or agreement
 * sets (5 unless given). The yearly obligation is then kept by the {@link RewardBook}, as for cash rewards.
 */
public final class SelfImplementationPolicy {

    /** Law Art. 45(3), Beijing Art. 12 para. 3(3): at least 5% of the operating profit. */
    public static final BigDecimal RATE = new BigDecimal("0.05");
    public static final int BEIJING_YEARS = 5;
    public static final int NATIONAL_MIN_YEARS = 3;
    public static final int NATIONAL_MAX_YEARS = 5;
    /**
     * The reduced wage tax of every self-implementation reward payment: Caishui [2018] No. 58 covers rewards from
     * transferring or licensing an achievement, and gives no basis for the reward on profits of its own use.
     */
    public static final ReducedWageTax REDUCED_WAGE_TAX = ReducedWageTax.fails(WageTaxReason.SELF_IMPLEMENTATION);

    /** Where the counted years begin. */
    public enum Counting {
        /** Beijing: the first year with an operating profit, after production starts. */
        FROM_FIRST_PROFIT_YEAR,
        /** The law: the year production starts, counted as the first. */
        FROM_PRODUCTION_START
    }

    /** The years an implementation's profits are rewarded over. */
    public record Window(Counting counting, int years) {
    }

    private SelfImplementationPolicy() {
    }

    /**
     * @param years the number of years the institution chose (national: 3 to 5; Beijing: only 5), or null for 5
     */
    public static Window windowFor(PolicyName policy, Integer years) {
        if (policy == PolicyName.BEIJING) {
            if (years != null && years != BEIJING_YEARS) {
                throw new InvalidField("rewardYears", "is 5 under the Beijing policy (Beijing Regulations 2019, "
                        + "Art. 12 para. 3(3))");
            }
            return new Window(Counting.FROM_FIRST_PROFIT_YEAR, BEIJING_YEARS);
        }
        int chosen = years == null ? NATIONAL_MAX_YEARS : years;
        if (chosen < NATIONAL_MIN_YEARS || chosen > NATIONAL_MAX_YEARS) {
            throw new InvalidField("rewardYears", "must be from 3 to 5 (Law Art. 45(3))");
        }
        return new Window(Counting.FROM_PRODUCTION_START, chosen);
    }

    /**
     * The terms of the implementation's reward book: 5% of the counted profits, rounded up to the fen, and the
     * payment deadline of the institution's policy in force when production started (or its own, if shorter).
     */
    public static RewardTerms termsFor(PolicyName policy, LocalDate productionStartedOn, Integer institutionDeadlineMonths) {
        RewardTerms contractTerms = RewardPolicies.termsFor(policy, productionStartedOn, true, null,
                institutionDeadlineMonths);
        return new RewardTerms("SELF-IMPLEMENTATION-" + policy, RATE, RATE, contractTerms.deadlineMonths());
    }

    /**
     * Whether a year's profit is rewarded.
     *
     * @param firstProfitYear the first year with a profit, recorded before this one, or null when none yet
     */
    public static boolean counts(Window window, int productionStartYear, Integer firstProfitYear, int year,
                                 boolean profitable) {
        int from = switch (window.counting()) {
            case FROM_PRODUCTION_START -> productionStartYear;
            case FROM_FIRST_PROFIT_YEAR -> firstProfitYear != null ? firstProfitYear : profitable ? year : Integer.MAX_VALUE;
        };
        return year >= from && year < from + window.years();
    }
}
