package org.techtransfer.ledger.demand;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.techtransfer.ledger.achievement.Achievements;
import org.techtransfer.ledger.achievement.Stage;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.demand.MatchOutcome.CONTRACT_SIGNED;
import static org.techtransfer.ledger.demand.MatchOutcome.DECLINED;
import static org.techtransfer.ledger.institution.OrganisationType.RESEARCH_INSTITUTE;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;

class TechnologyDemandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final InstitutionRegistered NANO = new InstitutionRegistered("NANO", "Nano-energy Institute",
            RESEARCH_INSTITUTE, true, "110116", BEIJING, null, null, null);
    private static final Map<String, Stage> LIBRARY = Map.of("ACH-1", Stage.OFFERED, "ACH-2", Stage.TRANSFORMED,
            "ACH-3", Stage.WITHDRAWN);
    private static final LocalDate PUBLISHED = LocalDate.of(2020, 3, 1);
    private static final LocalDate MATCHED = LocalDate.of(2020, 4, 1);

    private AggregateTestFixture<TechnologyDemand> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyDemand.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource((Institutions) id -> Optional.ofNullable(id.equals("NANO") ? NANO : null));
        fixture.registerInjectableResource((Achievements) id -> Optional.ofNullable(LIBRARY.get(id)));
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

    private static RecordDemand record(String institution, LocalDate publishedOn) {
        return new RecordDemand("D-1", institution, "雁栖湖材料有限公司", "91110116MA01ABCD2X", "110116",
                "low-cost triboelectric sensors for pipelines", "nanotechnology", Money.of("500000.00"), publishedOn);
    }

    private static DemandRecorded recorded() {
        return new DemandRecorded("D-1", "NANO", "雁栖湖材料有限公司", "91110116MA01ABCD2X", "110116",
                "low-cost triboelectric sensors for pipelines", "nanotechnology", Money.of("500000.00"), PUBLISHED);
    }

    private static MatchDemand match(String matchId, LocalDate on, String... achievements) {
        return new MatchDemand("D-1", matchId, List.of(achievements), on, "met at the district's fair");
    }

    private static DemandMatched matched(String matchId, String... achievements) {
        return new DemandMatched("D-1", matchId, List.of(achievements), MATCHED, "met at the district's fair");
    }

    private void expectRefusal(Rule rule, Object... arguments) {
        assertThat(failure).asInstanceOf(type(RuleViolation.class)).satisfies(r -> {
            assertThat(r.rule()).isEqualTo(rule);
            assertThat(r.arguments()).containsExactly(arguments);
        });
    }

    @Nested
    class Recording {

        @Test
        void records_the_demand_of_an_enterprise() {
            fixture.givenNoPriorActivity()
                    .when(record("NANO", PUBLISHED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(recorded());
        }

        @Test
        void refuses_a_service_institution_that_is_not_registered() {
            fixture.givenNoPriorActivity()
                    .when(record("NOBODY", PUBLISHED))
                    .expectException(UnknownInstitution.class)
                    .expectNoEvents();
        }

        @Test
        void refuses_a_publication_after_today_and_accepts_today() {
            fixture.givenNoPriorActivity()
                    .when(record("NANO", LocalDate.of(2020, 7, 1)))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
            fixture.givenNoPriorActivity()
                    .when(record("NANO", LocalDate.of(2020, 6, 30)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_malformed_demand_names_its_field() {
            assertThatThrownBy(() -> new RecordDemand("D-1", "NANO", "E", "not-a-code", "110116", "n", "f",
                    Money.of("1.00"), PUBLISHED)).isInstanceOf(InvalidField.class).hasMessageContaining("creditCode");
            assertThatThrownBy(() -> new RecordDemand("D-1", "NANO", "E", "91110116MA01ABCD2X", "110116", "n", "f",
                    Money.ZERO, PUBLISHED)).isInstanceOf(InvalidField.class).hasMessageContaining("budget");
            assertThatThrownBy(() -> new RecordDemand("D-1", "NANO", "E", "91110116MA01ABCD2X", "11", "n", "f",
                    Money.of("1.00"), PUBLISHED)).isInstanceOf(InvalidField.class).hasMessageContaining("regionCode");
            assertThatThrownBy(() -> new RecordDemand("D-1", "NANO", "E", "91110116MA01ABCD2X", "110116", " ", "f",
                    Money.of("1.00"), PUBLISHED)).isInstanceOf(InvalidField.class).hasMessageContaining("need");
        }
    }

    @Nested
    class Matching {

        @Test
        void matches_the_demand_with_achievements_offered_or_already_transformed() {
            fixture.given(recorded())
                    .when(match("MA-1", MATCHED, "ACH-1", "ACH-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(matched("MA-1", "ACH-1", "ACH-2"));
        }

        @Test
        void a_second_match_of_the_same_demand_is_another_match() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(match("MA-2", MATCHED, "ACH-1"))
                    .expectEvents(matched("MA-2", "ACH-1"));
        }

        @Test
        void refuses_an_achievement_not_in_the_library() {
            fixture.given(recorded())
                    .when(match("MA-1", MATCHED, "ACH-1", "ACH-9"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.UNKNOWN_ACHIEVEMENT, "ACH-9");
        }

        @Test
        void refuses_an_achievement_withdrawn_from_the_library() {
            fixture.given(recorded())
                    .when(match("MA-1", MATCHED, "ACH-3"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.ACHIEVEMENT_WITHDRAWN, "ACH-3");
        }

        @Test
        void refuses_a_match_before_the_demand_and_accepts_its_day() {
            fixture.given(recorded())
                    .when(match("MA-1", LocalDate.of(2020, 2, 29), "ACH-1"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_BEFORE_DEMAND, LocalDate.of(2020, 2, 29), PUBLISHED);
            fixture.given(recorded())
                    .when(match("MA-1", PUBLISHED, "ACH-1"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuses_a_match_after_today() {
            fixture.given(recorded())
                    .when(match("MA-1", LocalDate.of(2020, 7, 1), "ACH-1"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
        }

        @Test
        void refuses_a_match_of_a_closed_demand() {
            fixture.given(recorded(), new DemandClosed("D-1", LocalDate.of(2020, 5, 1), "met"))
                    .when(match("MA-1", LocalDate.of(2020, 6, 1), "ACH-1"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DEMAND_CLOSED, LocalDate.of(2020, 5, 1));
        }

        @Test
        void refuses_a_match_id_already_used_for_another_match() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(match("MA-1", MATCHED, "ACH-2"))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }

        @Test
        void a_match_names_each_achievement_once() {
            assertThatThrownBy(() -> new MatchDemand("D-1", "MA-1", List.of("ACH-1", "ACH-1"), MATCHED, null))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("achievementIds[1]");
            assertThatThrownBy(() -> new MatchDemand("D-1", "MA-1", List.of(), MATCHED, null))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("achievementIds");
        }
    }

    @Nested
    class Outcomes {

        private final LocalDate concluded = LocalDate.of(2020, 5, 20);

        @Test
        void records_a_signed_contract_with_its_id() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new RecordMatchOutcome("D-1", "MA-1", CONTRACT_SIGNED, concluded, "C-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MatchConcluded("D-1", "MA-1", CONTRACT_SIGNED, concluded, "C-1", null));
        }

        @ParameterizedTest
        @EnumSource(value = MatchOutcome.class, names = {"DECLINED", "NEGOTIATION_FAILED"})
        void records_a_match_that_came_to_nothing_also_on_a_closed_demand(MatchOutcome outcome) {
            fixture.given(recorded(), matched("MA-1", "ACH-1"), new DemandClosed("D-1", concluded, "lapsed"))
                    .when(new RecordMatchOutcome("D-1", "MA-1", outcome, concluded, null, "price"))
                    .expectEvents(new MatchConcluded("D-1", "MA-1", outcome, concluded, null, "price"));
        }

        @Test
        void only_a_signed_contract_names_a_contract_and_it_must() {
            assertThatThrownBy(() -> new RecordMatchOutcome("D-1", "MA-1", CONTRACT_SIGNED, concluded, null, null))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("contractId");
            assertThatThrownBy(() -> new RecordMatchOutcome("D-1", "MA-1", DECLINED, concluded, "C-1", null))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("contractId");
        }

        @Test
        void refuses_an_outcome_of_a_match_the_demand_does_not_have() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new RecordMatchOutcome("D-1", "MA-9", DECLINED, concluded, null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.UNKNOWN_MATCH, "MA-9");
        }

        @Test
        void refuses_a_second_outcome_of_one_match() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"),
                            new MatchConcluded("D-1", "MA-1", DECLINED, concluded, null, null))
                    .when(new RecordMatchOutcome("D-1", "MA-1", CONTRACT_SIGNED, concluded, "C-1", null))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }

        @Test
        void refuses_an_outcome_before_the_match_and_accepts_its_day() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new RecordMatchOutcome("D-1", "MA-1", DECLINED, MATCHED.minusDays(1), null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_BEFORE_MATCH, MATCHED.minusDays(1), MATCHED);
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new RecordMatchOutcome("D-1", "MA-1", DECLINED, MATCHED, null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuses_an_outcome_after_today() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new RecordMatchOutcome("D-1", "MA-1", DECLINED, LocalDate.of(2020, 7, 1), null, null))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
        }
    }

    @Nested
    class Closing {

        @Test
        void closes_the_demand_with_its_reason() {
            fixture.given(recorded(), matched("MA-1", "ACH-1"))
                    .when(new CloseDemand("D-1", LocalDate.of(2020, 6, 1), "met by C-1"))
                    .expectEvents(new DemandClosed("D-1", LocalDate.of(2020, 6, 1), "met by C-1"));
        }

        @Test
        void refuses_to_close_twice() {
            fixture.given(recorded(), new DemandClosed("D-1", LocalDate.of(2020, 5, 1), "met"))
                    .when(new CloseDemand("D-1", LocalDate.of(2020, 6, 1), "again"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DEMAND_CLOSED, LocalDate.of(2020, 5, 1));
        }

        @Test
        void refuses_a_closing_before_the_publication_or_after_today() {
            fixture.given(recorded())
                    .when(new CloseDemand("D-1", LocalDate.of(2020, 2, 1), "never"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_BEFORE_DEMAND, LocalDate.of(2020, 2, 1), PUBLISHED);
            fixture.given(recorded())
                    .when(new CloseDemand("D-1", LocalDate.of(2020, 7, 1), "later"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
        }
    }
}
