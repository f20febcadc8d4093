package org.techtransfer.ledger.reward;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import static org.techtransfer.ledger.rule.Rule.RATE_BELOW_FLOOR;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The versioned reward policies the ledger knows, and how a contract's terms follow from them.
 * Policies are data: a new version is a new entry here with its effective date, never an {@code if}.
 */
public final class RewardPolicies {

    /**
     * Caishui [2018] No. 58: a cash reward paid within 36 months of the receipt of the income it rewards may be
     * taxed at half (the window of {@link #reducedWageTax}).
     */
    public static final int TAX_WINDOW_MONTHS = 36;

    /**
     * The payment deadline of every policy. No law sets one (Law Art. 44 and Beijing Art. 12 para. 2 leave it
     * to the institution's rule): it is policy, chosen equal to the tax window so that a reward paid in time
     * keeps the reduced wage tax; an institution may set a shorter one.
     */
    private static final int DEFAULT_DEADLINE_MONTHS = TAX_WINDOW_MONTHS;

    /** Caishui [2018] No. 58 is in force from this day. */
    public static final LocalDate REDUCED_WAGE_TAX_FROM = LocalDate.of(2018, 7, 1);

    /**
     * The law's minimum share for personnel (Law on Promoting the Transformation of S&T Achievements, 2015,
     * Art. 45; para. 2: an institution's own rule may not go below it). No policy, institution rate or
     * agreement may go below it ({@code RATE_BELOW_FLOOR}).
     */
    public static final BigDecimal STATUTORY_FLOOR = new BigDecimal("0.50");

    private static final List<RewardPolicy> VERSIONS = List.of(
            new RewardPolicy("NATIONAL-2015", PolicyName.NATIONAL, LocalDate.of(2015, 10, 1),
                    new BigDecimal("0.50"), new BigDecimal("0.50"), DEFAULT_DEADLINE_MONTHS,
                    "the law's minimum: Law on Promoting the Transformation of S&T Achievements (2015), Art. 45(1)-(2)"),
            new RewardPolicy("BEIJING-2017", PolicyName.BEIJING, LocalDate.of(2017, 1, 1),
                    new BigDecimal("0.70"), new BigDecimal("0.70"), DEFAULT_DEADLINE_MONTHS,
                    "the district's policy: the Huairou District action plan (2017) asks for rewards of 70% or more"),
            new RewardPolicy("BEIJING-2020", PolicyName.BEIJING, LocalDate.of(2020, 1, 1),
                    new BigDecimal("0.70"), new BigDecimal("0.70"), DEFAULT_DEADLINE_MONTHS,
                    "the district's policy: 70% is permitted by the Beijing Regulations on Promoting the Transformation"
                            + " of S&T Achievements (2019), Art. 12 para. 3, and asked for by the Huairou plan"));

    /** What a contract's minimum rate rests on: the law's 50%, a policy above it, or nothing (no floor). */
    public enum FloorBasis {
        /** The law's minimum, Law Art. 45. */
        LAW,
        /** A policy or institution rule above the law's minimum. */
        POLICY,
        /** Development, consulting and service contracts: no percentage is set (Beijing Art. 43 para. 2). */
        NONE
    }

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
     * An institution's own rate may only raise its policy (docs/domain.md, "Reward policies"): one below the rates of
     * the family's latest version, the version its new contracts are signed under, is refused instead of
     * being silently without effect.
     */
    public static void checkInstitutionRate(PolicyName name, BigDecimal rewardRate) {
        if (rewardRate == null) {
            return;
        }
        RewardPolicy latest = VERSIONS.stream().filter(p -> p.name() == name)
                .max(Comparator.comparing(RewardPolicy::effectiveFrom)).orElseThrow();
        BigDecimal floor = latest.cashRate().max(latest.shareRate()).max(STATUTORY_FLOOR);
        refuseIf(rewardRate.compareTo(floor) < 0, RATE_BELOW_FLOOR, "the rate " + rewardRate.toPlainString()
                        + " is below " + floor.toPlainString() + ", the floor of policy " + latest.id() + " ("
                        + latest.source() + "); the law's own minimum is " + STATUTORY_FLOOR.toPlainString()
                        + " (Law Art. 45)", rewardRate, floor, latest.id(), STATUTORY_FLOOR);
    }

    /**
     * Whether a cash rate is the law's minimum or a policy above it, so that nothing calls a policy "statutory".
     */
    public static FloorBasis floorBasis(BigDecimal rate) {
        if (rate.signum() == 0) {
            return FloorBasis.NONE;
        }
        return rate.compareTo(STATUTORY_FLOOR) == 0 ? FloorBasis.LAW : FloorBasis.POLICY;
    }

    /**
     * The reduced wage tax of one cash payment (Caishui [2018] No. 58; docs/domain.md): the first condition that fails,
     * in the order of {@link WageTaxReason}, or {@link ReducedWageTax#QUALIFIES}. The contract's registration
     * number, which the notice also requires, is there for every contract: the ledger registers none without it.
     *
     * @param publicised a publicity notice was recorded, by the payment, for a decision that allocated to the payee
     * @param receipt    the receipt of the oldest income the payment settles, or null when no income stands; asked
     *                   for only when the conditions before it hold (it walks the contract's incomes)
     */
    public static ReducedWageTax reducedWageTax(WageTaxFacts facts, boolean publicised, Supplier<LocalDate> receipt,
                                                LocalDate paidOn) {
        if (!facts.sellerUniversityOrInstitute() || !facts.sellerNonProfit()) {
            return ReducedWageTax.fails(WageTaxReason.SELLER_NOT_NON_PROFIT);
        }
        if (!facts.licenseOrAssignment()) {
            return ReducedWageTax.fails(WageTaxReason.NOT_LICENSE_OR_ASSIGNMENT);
        }
        if (!qualifyingIp(facts.ipKind())) {
            return ReducedWageTax.fails(WageTaxReason.IP_KIND_EXCLUDED);
        }
        if (!publicised) {
            return ReducedWageTax.fails(WageTaxReason.NO_PUBLICITY);
        }
        LocalDate received = receipt.get();
        if (received == null || received.plusMonths(TAX_WINDOW_MONTHS).isBefore(paidOn)) {
            return ReducedWageTax.fails(WageTaxReason.OUTSIDE_36_MONTHS);
        }
        if (paidOn.isBefore(REDUCED_WAGE_TAX_FROM)) {
            return ReducedWageTax.fails(WageTaxReason.BEFORE_2018_07_01);
        }
        return ReducedWageTax.QUALIFIES;
    }

    /** Patents, software copyright, IC layouts, plant and biomedical varieties; not trade secrets or know-how alone. */
    public static boolean qualifyingIp(IpKind kind) {
        return kind != null && switch (kind) {
            case PATENT, SOFTWARE_COPYRIGHT, IC_LAYOUT, PLANT_VARIETY, BIOMEDICAL_VARIETY -> true;
            case TRADE_SECRET, KNOW_HOW, OTHER -> false;
        };
    }

    /**
     * The terms a contract is held to: the seller's policy in force on the signing date, raised to the
     * institution's own rate where that is higher and shortened to its own deadline where that is shorter.
     * Kinds without a floor get rates of zero (docs/domain.md: "the required reward is `0.00`").
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
