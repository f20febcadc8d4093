package org.techtransfer.ledger.reward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;
import static org.techtransfer.ledger.reward.PolicyName.NATIONAL;

class RewardPoliciesTest {

    private static final LocalDate SIGNED = LocalDate.of(2021, 3, 15);

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "BEIJING,  2016-06-30, BEIJING-2017",   // before the first version: the first version
            "BEIJING,  2017-01-01, BEIJING-2017",
            "BEIJING,  2019-12-31, BEIJING-2017",
            "BEIJING,  2020-01-01, BEIJING-2020",
            "BEIJING,  2026-11-25, BEIJING-2020",
            "NATIONAL, 2015-09-30, NATIONAL-2015",
            "NATIONAL, 2015-10-01, NATIONAL-2015",
            "NATIONAL, 2021-03-15, NATIONAL-2015",
    })
    void picks_the_version_in_force_on_the_date(PolicyName name, LocalDate date, String expectedId) {
        RewardPolicy policy = RewardPolicies.inForce(name, date);
        assertThat(policy.id()).isEqualTo(expectedId);
        assertThat(policy.name()).isEqualTo(name);
    }

    @Test
    void the_beijing_policy_asks_70_percent_and_the_national_one_50() {
        RewardPolicy beijing = RewardPolicies.inForce(BEIJING, SIGNED);
        RewardPolicy national = RewardPolicies.inForce(NATIONAL, SIGNED);
        assertThat(beijing.cashRate()).isEqualByComparingTo("0.70");
        assertThat(beijing.shareRate()).isEqualByComparingTo("0.70");
        assertThat(beijing.deadlineMonths()).isEqualTo(36);
        assertThat(beijing.effectiveFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(national.cashRate()).isEqualByComparingTo("0.50");
        assertThat(national.shareRate()).isEqualByComparingTo("0.50");
        assertThat(national.deadlineMonths()).isEqualTo(36);
    }

    @Test
    void every_version_has_a_unique_id_and_a_source() {
        assertThat(RewardPolicies.versions()).extracting(RewardPolicy::id).doesNotHaveDuplicates();
        assertThat(RewardPolicies.versions()).allSatisfy(p -> assertThat(p.source()).isNotBlank());
        assertThat(RewardPolicies.versions()).extracting(RewardPolicy::name).contains(PolicyName.values());
    }

    @Test
    void the_policy_table_cannot_be_changed_at_run_time() {
        assertThatThrownBy(() -> RewardPolicies.versions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}: institution rate {1}, deadline {2} -> {3} / {4}")
    @CsvSource({
            "BEIJING,  ,     ,   0.70, 36",
            "BEIJING,  0.80, ,   0.80, 36",   // a higher own rate raises the minimum
            "BEIJING,  0.60, ,   0.70, 36",   // a lower one does not lower it
            "BEIJING,  0.70, 24, 0.70, 24",   // a shorter deadline is taken
            "BEIJING,  1.00, 36, 1.00, 36",
            "NATIONAL, 0.60, 12, 0.60, 12",
            "NATIONAL, 0.30, 1,  0.50, 1",
    })
    void raises_the_rate_and_shortens_the_deadline_to_the_institutions_own(PolicyName name, BigDecimal ownRate,
                                                                          Integer ownDeadline, BigDecimal rate,
                                                                          int deadline) {
        RewardTerms terms = RewardPolicies.termsFor(name, SIGNED, true, ownRate, ownDeadline);
        assertThat(terms.policyId()).isEqualTo(RewardPolicies.inForce(name, SIGNED).id());
        assertThat(terms.cashRate()).isEqualByComparingTo(rate);
        assertThat(terms.shareRate()).isEqualByComparingTo(rate);
        assertThat(terms.deadlineMonths()).isEqualTo(deadline);
    }

    @ParameterizedTest
    @EnumSource(PolicyName.class)
    void kinds_without_a_floor_get_zero_rates_even_with_an_institution_rate(PolicyName name) {
        RewardTerms terms = RewardPolicies.termsFor(name, SIGNED, false, new BigDecimal("0.90"), 12);
        assertThat(terms.cashRate()).isZero();
        assertThat(terms.shareRate()).isZero();
        assertThat(terms.deadlineMonths()).isEqualTo(12);
        assertThat(terms.policyId()).isEqualTo(RewardPolicies.inForce(name, SIGNED).id());
    }

    @Test
    void the_terms_of_an_older_contract_follow_the_older_version() {
        assertThat(RewardPolicies.termsFor(BEIJING, LocalDate.of(2018, 7, 1), true, null, null))
                .isEqualTo(new RewardTerms("BEIJING-2017", new BigDecimal("0.70"), new BigDecimal("0.70"), 36));
    }

    @Test
    void rates_must_lie_between_zero_and_one_and_deadlines_be_positive() {
        assertThatThrownBy(() -> new RewardTerms("X", new BigDecimal("1.01"), BigDecimal.ONE, 36))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardTerms("X", BigDecimal.ONE, new BigDecimal("-0.01"), 36))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardTerms("X", BigDecimal.ONE, BigDecimal.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardPolicy("X", BEIJING, SIGNED, new BigDecimal("1.5"), BigDecimal.ONE, 36,
                "none")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RewardTerms("X", BigDecimal.ZERO, BigDecimal.ONE, 1).deadlineMonths()).isEqualTo(1);
    }

    /** No policy may go below 50%, the law's floor (Art. 45; docs/domain.md, "Reward policies"). */
    @Test
    void no_policy_version_goes_below_the_statutory_floor() {
        assertThat(RewardPolicies.versions()).allSatisfy(p -> {
            assertThat(p.cashRate()).isGreaterThanOrEqualTo(RewardPolicies.STATUTORY_FLOOR);
            assertThat(p.shareRate()).isGreaterThanOrEqualTo(RewardPolicies.STATUTORY_FLOOR);
        });
    }

    /** Issue 22: a policy may raise the law's 50%, never go below it; refused as an institution's rate is. */
    @Test
    void a_policy_below_the_law_s_minimum_is_refused() {
        assertThatThrownBy(() -> new RewardPolicy("LOW", NATIONAL, SIGNED, new BigDecimal("0.49"),
                new BigDecimal("0.50"), 36, "none"))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    assertThat(((RuleViolation) e).rule()).isEqualTo(Rule.RATE_BELOW_FLOOR);
                    assertThat(((RuleViolation) e).arguments()).containsExactly(new BigDecimal("0.49"),
                            RewardPolicies.STATUTORY_FLOOR, "LOW", RewardPolicies.STATUTORY_FLOOR);
                });
    }

    /** Issue 22: nothing calls the district's 70% the law's minimum. */
    @Test
    void the_floor_is_the_law_s_at_fifty_percent_and_policy_above_it() {
        assertThat(RewardPolicies.floorBasis(new BigDecimal("0.50"))).isEqualTo(RewardPolicies.FloorBasis.LAW);
        assertThat(RewardPolicies.floorBasis(new BigDecimal("0.70"))).isEqualTo(RewardPolicies.FloorBasis.POLICY);
        assertThat(RewardPolicies.floorBasis(BigDecimal.ZERO)).isEqualTo(RewardPolicies.FloorBasis.NONE);
        assertThat(RewardPolicies.inForce(BEIJING, SIGNED).source()).startsWith("the district's policy");
        assertThat(RewardPolicies.inForce(NATIONAL, SIGNED).source()).startsWith("the law's minimum");
    }
}
