package org.techtransfer.ledger.achievement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.achievement.AchievementKind.INVENTION_PATENT;
import static org.techtransfer.ledger.achievement.Stage.IN_NEGOTIATION;
import static org.techtransfer.ledger.achievement.Stage.OFFERED;
import static org.techtransfer.ledger.achievement.Stage.RESERVE;
import static org.techtransfer.ledger.achievement.Stage.TRANSFORMED;
import static org.techtransfer.ledger.achievement.Stage.WITHDRAWN;
import static org.techtransfer.ledger.institution.OrganisationType.RESEARCH_INSTITUTE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;

class AchievementTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final InstitutionRegistered NANO = new InstitutionRegistered("NANO", "Nano-energy Institute",
            RESEARCH_INSTITUTE, true, "110116", BEIJING, null, null, null);
    private static final InstitutionRegistered UNI = new InstitutionRegistered("UNI", "Academy University",
            UNIVERSITY, true, "110116", BEIJING, null, null, null);
    private static final List<Inventor> INVENTORS = List.of(new Inventor("王小明", "P-1"), new Inventor("李华", null));

    private AggregateTestFixture<Achievement> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Achievement.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource((org.techtransfer.ledger.institution.Institutions) id ->
                Optional.ofNullable(id.equals("NANO") ? NANO : id.equals("UNI") ? UNI : null));
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

    private static RegisterAchievement register(Stage stage, LocalDate granted, String... owners) {
        return new RegisterAchievement("ACH-1", INVENTION_PATENT, "摩擦纳米发电机", List.of(owners), INVENTORS,
                "nanotechnology", "ZL201810000001.1", granted, "110116", stage);
    }

    private static AchievementRegistered registered(Stage stage) {
        return new AchievementRegistered("ACH-1", INVENTION_PATENT, "摩擦纳米发电机", List.of("NANO", "UNI"), INVENTORS,
                "nanotechnology", "ZL201810000001.1", LocalDate.of(2019, 3, 1), "110116", stage);
    }

    private void expectRefusal(Rule rule, Object... arguments) {
        assertThat(failure).asInstanceOf(type(RuleViolation.class)).satisfies(r -> {
            assertThat(r.rule()).isEqualTo(rule);
            assertThat(r.arguments()).containsExactly(arguments);
        });
    }

    @Nested
    class Registration {

        @Test
        void records_the_achievement_with_its_co_owners_in_the_reserve_by_default() {
            fixture.givenNoPriorActivity()
                    .when(register(null, LocalDate.of(2019, 3, 1), "NANO", "UNI"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered(RESERVE));
        }

        @Test
        void records_an_achievement_already_offered() {
            fixture.givenNoPriorActivity()
                    .when(register(OFFERED, LocalDate.of(2019, 3, 1), "NANO", "UNI"))
                    .expectEvents(registered(OFFERED));
        }

        @Test
        void refuses_an_owner_that_is_not_registered() {
            fixture.givenNoPriorActivity()
                    .when(register(null, LocalDate.of(2019, 3, 1), "NANO", "NOBODY"))
                    .expectException(UnknownInstitution.class)
                    .expectNoEvents();
            assertThat(failure).hasMessageContaining("NOBODY");
        }

        @Test
        void refuses_a_grant_date_after_today_and_accepts_today() {
            fixture.givenNoPriorActivity()
                    .when(register(null, LocalDate.of(2020, 7, 1), "NANO"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.DATE_IN_FUTURE, LocalDate.of(2020, 7, 1), LocalDate.of(2020, 6, 30));
            fixture.givenNoPriorActivity()
                    .when(register(null, LocalDate.of(2020, 6, 30), "NANO"))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Moves {

        @Test
        void moves_the_stage_and_says_from_where() {
            fixture.given(registered(RESERVE))
                    .when(new MoveAchievement("ACH-1", "M-1", OFFERED, "published on the platform"))
                    .expectEvents(new AchievementMoved("ACH-1", "M-1", RESERVE, OFFERED, "published on the platform"));
            fixture.given(registered(RESERVE), new AchievementMoved("ACH-1", "M-1", RESERVE, OFFERED, "published"))
                    .when(new MoveAchievement("ACH-1", "M-2", IN_NEGOTIATION, "Huairou Nano Co. asked"))
                    .expectEvents(new AchievementMoved("ACH-1", "M-2", OFFERED, IN_NEGOTIATION, "Huairou Nano Co. asked"));
        }

        @Test
        void moves_back_to_the_reserve_when_a_negotiation_fails() {
            fixture.given(registered(IN_NEGOTIATION))
                    .when(new MoveAchievement("ACH-1", "M-1", RESERVE, "buyer withdrew"))
                    .expectEvents(new AchievementMoved("ACH-1", "M-1", IN_NEGOTIATION, RESERVE, "buyer withdrew"));
        }

        @Test
        void refuses_a_move_to_the_stage_it_is_in() {
            fixture.given(registered(OFFERED))
                    .when(new MoveAchievement("ACH-1", "M-1", OFFERED, "again"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.STAGE_UNCHANGED, OFFERED);
        }

        @ParameterizedTest
        @EnumSource(value = Stage.class, names = {"TRANSFORMED", "WITHDRAWN"})
        void refuses_any_move_out_of_a_final_stage(Stage finalStage) {
            fixture.given(registered(RESERVE), new AchievementMoved("ACH-1", "M-1", RESERVE, finalStage, "done"))
                    .when(new MoveAchievement("ACH-1", "M-2", RESERVE, "reopen"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            expectRefusal(Rule.STAGE_FINAL, finalStage);
        }

        @Test
        void refuses_a_move_id_used_by_an_earlier_move() {
            fixture.given(registered(RESERVE), new AchievementMoved("ACH-1", "M-1", RESERVE, OFFERED, "offered"))
                    .when(new MoveAchievement("ACH-1", "M-1", WITHDRAWN, "other"))
                    .expectException(EntryIdInUse.class)
                    .expectNoEvents();
        }

        @Test
        void answers_the_version_of_the_move() {
            fixture.given(registered(RESERVE), new AchievementMoved("ACH-1", "M-1", RESERVE, OFFERED, "offered"))
                    .when(new MoveAchievement("ACH-1", "M-2", TRANSFORMED, "licensed"))
                    .expectResultMessagePayload(2L);
        }
    }

    @Nested
    class Validation {

        @Test
        void names_the_missing_or_malformed_field() {
            List<Throwable> failures = new ArrayList<>();
            LocalDate d = LocalDate.of(2019, 1, 1);
            failures.add(catchField(() -> new RegisterAchievement(" ", INVENTION_PATENT, "t", List.of("A"), INVENTORS, "f", "n", d, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", null, "t", List.of("A"), INVENTORS, "f", "n", d, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of(), INVENTORS, "f", "n", d, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A", "A"), INVENTORS, "f", "n", d, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"), List.of(), "f", "n", d, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"), INVENTORS, "f", "n", null, "110116", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"), INVENTORS, "f", "n", d, "11011", null)));
            failures.add(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"), INVENTORS, "f", "n", d, "110116", TRANSFORMED)));
            failures.add(catchField(() -> new MoveAchievement("A", "M", null, "r")));
            failures.add(catchField(() -> new MoveAchievement("A", "M", OFFERED, " ")));
            failures.add(catchField(() -> new Inventor("x", "P\n1")));
            assertThat(failures).extracting(f -> ((InvalidField) f).field()).containsExactly("achievementId", "kind",
                    "ownerInstitutionIds", "ownerInstitutionIds[1]", "inventors", "numberDate", "regionCode", "stage",
                    "stage", "reason", "personId");
        }

        @Test
        void namesakes_are_two_inventors_but_one_person_id_twice_is_refused() {
            LocalDate d = LocalDate.of(2019, 1, 1);
            List<Inventor> namesakes = List.of(new Inventor("王伟", "P-1"), new Inventor("王伟", "P-2"), new Inventor("王伟", null));
            assertThat(new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"), namesakes, "f", "n", d, "110116", null)
                    .inventors()).hasSize(3);
            assertThat(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"),
                    List.of(new Inventor("王伟", "P-1"), new Inventor("Wang Wei", "P-1")), "f", "n", d, "110116", null)))
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("inventors[1]");
            assertThat(catchField(() -> new RegisterAchievement("A", INVENTION_PATENT, "t", List.of("A"),
                    List.of(new Inventor("王伟", null), new Inventor("王伟", null)), "f", "n", d, "110116", null)))
                    .extracting(e -> ((InvalidField) e).field()).isEqualTo("inventors[1]");
        }

        private Throwable catchField(Runnable construct) {
            assertThatThrownBy(construct::run).isInstanceOf(InvalidField.class);
            try {
                construct.run();
                throw new AssertionError("not refused");
            } catch (InvalidField e) {
                return e;
            }
        }
    }
}
