package org.techtransfer.ledger.incubation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.institution.OrganisationType.OTHER;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;

class IncubationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final InstitutionRegistered PARK = new InstitutionRegistered("PARK", "Nanotechnology Park Incubator",
            OTHER, true, "110116", BEIJING, null, null, null);
    private static final String CODE = "91110116MA01ABCD2X";
    private static final LocalDate ENTERED = LocalDate.of(2018, 5, 2);

    private AggregateTestFixture<Incubation> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incubation.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource((Institutions) id -> Optional.ofNullable(id.equals("PARK") ? PARK : null));
        fixture.registerInjectableResource(CLOCK);
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        });
    }

    private static IncubationRecorded recorded(LocalDate graduatedOn) {
        return new IncubationRecorded("INC-1", "PARK", "110116", "纳米新材料有限公司", CODE, ENTERED, graduatedOn);
    }

    private static RecordIncubation record(String incubator, LocalDate entered, LocalDate graduated) {
        return new RecordIncubation("INC-1", incubator, "纳米新材料有限公司", CODE, entered, graduated);
    }

    private void expectRefusal(Rule rule, Object... arguments) {
        assertThat(failure).asInstanceOf(type(RuleViolation.class)).satisfies(r -> {
            assertThat(r.rule()).isEqualTo(rule);
            assertThat(r.arguments()).containsExactly(arguments);
        });
    }

    @Test
    void records_the_enterprise_with_its_incubators_region() {
        fixture.givenNoPriorActivity().when(record("PARK", ENTERED, null)).expectEvents(recorded(null));
    }

    @Test
    void records_an_enterprise_that_already_graduated() {
        fixture.givenNoPriorActivity().when(record("PARK", ENTERED, LocalDate.of(2019, 12, 31)))
                .expectEvents(recorded(LocalDate.of(2019, 12, 31)));
    }

    @Test
    void refuses_an_incubator_that_is_not_registered() {
        fixture.givenNoPriorActivity().when(record("NOBODY", ENTERED, null))
                .expectException(UnknownInstitution.class).expectNoEvents();
    }

    @Test
    void refuses_an_entry_after_today() {
        fixture.givenNoPriorActivity().when(record("PARK", LocalDate.of(2020, 7, 1), null))
                .expectException(RuleViolation.class).expectNoEvents();
        expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
    }

    @Test
    void refuses_a_graduation_before_the_entry_when_recorded_and_later() {
        fixture.givenNoPriorActivity().when(record("PARK", ENTERED, LocalDate.of(2018, 5, 1)))
                .expectException(RuleViolation.class).expectNoEvents();
        expectRefusal(Rule.GRADUATION_BEFORE_ENTRY, LocalDate.of(2018, 5, 1), ENTERED);
        fixture.given(recorded(null)).when(new RecordGraduation("INC-1", LocalDate.of(2018, 5, 1)))
                .expectException(RuleViolation.class).expectNoEvents();
        expectRefusal(Rule.GRADUATION_BEFORE_ENTRY, LocalDate.of(2018, 5, 1), ENTERED);
    }

    @Test
    void records_the_graduation_once() {
        fixture.given(recorded(null)).when(new RecordGraduation("INC-1", ENTERED))
                .expectEvents(new EnterpriseGraduated("INC-1", ENTERED))
                .expectResultMessagePayload(1L);
        fixture.given(recorded(null), new EnterpriseGraduated("INC-1", ENTERED))
                .when(new RecordGraduation("INC-1", LocalDate.of(2020, 1, 1)))
                .expectException(RuleViolation.class).expectNoEvents();
        expectRefusal(Rule.ALREADY_GRADUATED, ENTERED);
    }

    @Test
    void refuses_a_graduation_after_today() {
        fixture.given(recorded(null)).when(new RecordGraduation("INC-1", LocalDate.of(2020, 7, 1)))
                .expectException(RuleViolation.class).expectNoEvents();
        expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110116MA01ABCD2", "91110116MA01ABCD2XX", "91110116MA01ABCDIX", "91110116ma01abcd2x"})
    void refuses_a_credit_code_that_is_not_18_allowed_characters(String code) {
        assertThatThrownBy(() -> new RecordIncubation("I", "PARK", "E", code, ENTERED, null))
                .isInstanceOf(InvalidField.class).extracting(e -> ((InvalidField) e).field()).isEqualTo("creditCode");
    }
}
