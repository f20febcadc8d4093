package org.techtransfer.ledger.institution;

import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techtransfer.ledger.reward.PolicyName;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.institution.OrganisationType.RESEARCH_INSTITUTE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;
import static org.techtransfer.ledger.reward.PolicyName.NATIONAL;

class InstitutionTest {

    private AggregateTestFixture<Institution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Institution.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver()); // as the service routes
    }

    private static RegisterInstitution register(BigDecimal rewardRate, Integer deadlineMonths) {
        return new RegisterInstitution("BJ-UNI", "Huairou University", UNIVERSITY, true, "110116", BEIJING,
                rewardRate, deadlineMonths, null);
    }

    @Nested
    class Registration {

        @Test
        void records_the_institution_with_the_policy_it_follows() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterInstitution("NAT-RI", "National Institute", RESEARCH_INSTITUTE, false,
                            "310104", NATIONAL, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InstitutionRegistered("NAT-RI", "National Institute", RESEARCH_INSTITUTE,
                            false, "310104", NATIONAL, null, null, false));
        }

        @Test
        void records_its_own_reward_rate_and_payment_deadline() {
            fixture.givenNoPriorActivity()
                    .when(register(new BigDecimal("0.80"), 24))
                    .expectEvents(new InstitutionRegistered("BJ-UNI", "Huairou University", UNIVERSITY, true,
                            "110116", BEIJING, new BigDecimal("0.80"), 24, true));
        }

        @Test
        void accepts_the_extreme_own_terms() {
            fixture.givenNoPriorActivity()
                    .when(register(BigDecimal.ONE, 1))
                    .expectEvents(new InstitutionRegistered("BJ-UNI", "Huairou University", UNIVERSITY, true,
                            "110116", BEIJING, BigDecimal.ONE, 1, true));
        }
    }

    /** docs/domain.md, "Reward policies": an institution's own rate below its policy's floor is refused, not ignored. */
    @Nested
    class OwnRate {

        private Throwable failure;

        @BeforeEach
        void keepTheFailure() {
            fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
                try {
                    return chain.proceed();
                } catch (Exception e) {
                    failure = e;
                    throw e;
                }
            });
        }

        private static RegisterInstitution withRate(PolicyName policy, String rate) {
            return new RegisterInstitution("X", "X", UNIVERSITY, true, "110116", policy, new BigDecimal(rate), null, null);
        }

        @ParameterizedTest
        @CsvSource({"BEIJING, 0.69, 0.70, BEIJING-2020", "NATIONAL, 0.49, 0.50, NATIONAL-2015"})
        void refuses_a_rate_below_the_floor_of_its_policy(PolicyName policy, String rate, String floor, String policyId) {
            fixture.givenNoPriorActivity().when(withRate(policy, rate))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            RuleViolation refusal = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
            assertThat(refusal.rule()).isEqualTo(Rule.RATE_BELOW_FLOOR);
            assertThat(refusal.arguments()).containsExactly(new BigDecimal(rate), new BigDecimal(floor), policyId,
                    new BigDecimal("0.50"));
        }

        @ParameterizedTest
        @CsvSource({"BEIJING, 0.70", "NATIONAL, 0.50"})
        void accepts_a_rate_at_the_floor(PolicyName policy, String rate) {
            fixture.givenNoPriorActivity().when(withRate(policy, rate)).expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-0.10", "1.01"})
        void refuses_a_reward_rate_outside_zero_exclusive_to_one(String rate) {
            assertThatThrownBy(() -> register(new BigDecimal(rate), null))
                    .isInstanceOf(InvalidField.class)
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("rewardRate");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 37})
        void refuses_a_payment_deadline_outside_1_to_36_months(int months) {
            assertThatThrownBy(() -> register(null, months))
                    .isInstanceOf(InvalidField.class)
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("paymentDeadlineMonths");
        }

        @Test
        void accepts_36_months_and_a_rate_just_above_zero() {
            RegisterInstitution command = register(new BigDecimal("0.01"), 36);
            assertThat(command.paymentDeadlineMonths()).isEqualTo(36);
            assertThat(command.rewardRate()).isEqualByComparingTo("0.01");
        }

        @ParameterizedTest
        @ValueSource(strings = {"11011", "1101160", "11O116", ""})
        void refuses_a_region_code_that_is_not_six_digits(String regionCode) {
            assertThatThrownBy(() -> new RegisterInstitution("X", "X", UNIVERSITY, true, regionCode, BEIJING,
                    null, null, null))
                    .isInstanceOf(InvalidField.class)
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("regionCode");
        }

        @Test
        void refuses_missing_fields() {
            assertThatThrownBy(() -> new RegisterInstitution(" ", "X", UNIVERSITY, true, "110116", BEIJING,
                    null, null, null)).extracting(e -> ((InvalidField) e).field()).isEqualTo("institutionId");
            assertThatThrownBy(() -> new RegisterInstitution("X", null, UNIVERSITY, true, "110116", BEIJING,
                    null, null, null)).extracting(e -> ((InvalidField) e).field()).isEqualTo("name");
            assertThatThrownBy(() -> new RegisterInstitution("X", "X", null, true, "110116", BEIJING,
                    null, null, null)).extracting(e -> ((InvalidField) e).field()).isEqualTo("type");
            assertThatThrownBy(() -> new RegisterInstitution("X", "X", UNIVERSITY, true, "110116", null,
                    null, null, null)).extracting(e -> ((InvalidField) e).field()).isEqualTo("policy");
        }

        @Test
        void refuses_an_id_with_control_characters_or_over_100_characters() {
            assertThatThrownBy(() -> new RegisterInstitution("BJ\nUNI", "X", UNIVERSITY, true, "110116", BEIJING,
                    null, null, null)).isInstanceOf(InvalidField.class);
            assertThatThrownBy(() -> new RegisterInstitution("X".repeat(101), "X", UNIVERSITY, true, "110116",
                    BEIJING, null, null, null)).isInstanceOf(InvalidField.class);
            assertThat(new RegisterInstitution("X".repeat(100), "X", UNIVERSITY, true, "110116", BEIJING,
                    null, null, null).institutionId()).hasSize(100);
        }
    }
}
