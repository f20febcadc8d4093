package org.techtransfer.ledger.reward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.techtransfer.ledger.rule.Rule.RATE_BELOW_FLOOR;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The versioned reward policies the ledger knows, and how a contract's terms follow from them.
 * Policies are data: a new version is a new entry here with its effective date, never an {@code if}.
 */
public final class RewardPolicies {

    /** Caishui [2018] No. 58: the reduced wage-tax treatment needs payment within 36 months of the income. */
    private static final int STATUTORY_DEADLINE_MONTHS = 36;

    /**
     * The law's minimum share for personnel (Law on Promoting the Transformation of S&T Achievements, 2015,
     * Art. 45; para. 2: an institution's own rule may not go below it). Every policy's rates are at least this.
     */
    public static final BigDecimal STATUTORY_FLOOR = new BigDecimal("0.50");

    private static final List<RewardPolicy> VERSIONS = List.of(
            new RewardPolicy("NATIONAL-2015", PolicyName.NATIONAL, LocalDate.of(2015, 10, 1),
                    new BigDecimal("0.50"), new BigDecimal("0.50"), STATUTORY_DEADLINE_MONTHS,
                    "Law on Promoting the Transformation of S&T Achievements (2015), Art. 45(1)-(2)"),
            new RewardPolicy("BEIJING-2017", PolicyName.BEIJING, LocalDate.of(2017, 1, 1),
                    new BigDecimal("0.70"), new BigDecimal("0.70"), STATUTORY_DEADLINE_MONTHS,
                    "Huairou District action plan (2017): rewards of 70% or more"),
            new RewardPolicy("BEIJING-2020", PolicyName.BEIJING, LocalDate.of(2020, 1, 1),
                    new BigDecimal("0.70"), new BigDecimal("0.70"), STATUTORY_DEADLINE_MONTHS,
                    "Beijing Regulations on Promoting the Transformation of S&T Achievements (2019), Art. 12"));

    private RewardPolicies() {
    }

    public static List<RewardPolicy> versions() {
        return VERSIONS;
    }

    /**
     * The version of {@code name} in force on {@code date}; a date before the family's first version
     * takes that first version (the ledger knows no older one).
     */
    public static RewardPolicy inForce(PolicyName name, LocalDate date) {
        List<RewardPolicy> family = VERSIONS.stream()
                .filter(p -> p.name() == name)
                .sorted(Comparator.comparing(RewardPolicy::effectiveFrom))
                .toList();
        RewardPolicy found = family.get(0);
        for (RewardPolicy version : family) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return found;
    }

    /**
     * An institution's own rate may only raise its policy (RULES.md, "Reward floors"): one below the rates of
     * the family's latest version, the version its new contracts are signed under, is refused instead of
     * being silently without effect.
     */
    public static void checkInstitutionRate(PolicyName name, BigDecimal rewardRate) {
        if (rewardRate == null) {
            return;
        }
        RewardPolicy latest = VERSIONS.stream().filter(p -> p.name() == name)
                .max(Comparator.comparing(RewardPolicy::effectiveFrom)).orElseThrow();
        BigDecimal floor = latest.cashRate().max(latest.shareRate());
        refuseIf(rewardRate.compareTo(floor) < 0, RATE_BELOW_FLOOR, "the rate " + rewardRate.toPlainString()
                        + " is below " + floor.toPlainString() + ", the floor of policy " + latest.id() + " ("
                        + latest.source() + "); the law's own minimum is " + STATUTORY_FLOOR.toPlainString(),
                rewardRate, floor, latest.id(), STATUTORY_FLOOR);
    }

    /**
     * The terms a contract is held to: the seller's policy in force on the signing date, raised to the
     * institution's own rate where that is higher and shortened to its own deadline where that is shorter.
     * Kinds without a statutory floor get rates of zero (RULES.md: "the required reward is zero").
     *
     * @param institutionRate           the institution's own minimum rate, or {@code null}
     * @param institutionDeadlineMonths the institution's own deadline, or {@code null}
     */
    public static RewardTerms termsFor(PolicyName name, LocalDate signedOn, boolean raisesObligation,
                                       BigDecimal institutionRate, Integer institutionDeadlineMonths) {
        RewardPolicy policy = inForce(name, signedOn);
        int deadline = institutionDeadlineMonths == null
                ? policy.deadlineMonths()
                : Math.min(policy.deadlineMonths(), institutionDeadlineMonths);
        if (!raisesObligation) {
            return new RewardTerms(policy.id(), BigDecimal.ZERO, BigDecimal.ZERO, deadline);
        }
        BigDecimal cash = policy.cashRate();
        BigDecimal shares = policy.shareRate();
        if (institutionRate != null) {
            cash = cash.max(institutionRate);
            shares = shares.max(institutionRate);
        }
        return new RewardTerms(policy.id(), cash, shares, deadline);
    }
}
