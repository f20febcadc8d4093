package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.coownership.CoOwner;
import org.techtransfer.ledger.coownership.CoOwnerBooks.CoOwnerFigures;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.coownership.SetCoOwners;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;
import static org.techtransfer.ledger.contract.ContractTestData.*;
import static org.techtransfer.ledger.rule.Rule.*;

/**
 * Issue 15, "Co-owned achievements": the shares in which co-owners split each receipt, and each co-owner's reward
 * obligation on its own share under its own policy.
 */
class CoOwnersTest {

    private static final BigDecimal SIXTY = new BigDecimal("0.6");
    private static final BigDecimal FORTY = new BigDecimal("0.4");

    private AggregateTestFixture<TechnologyContract> fixture;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI, BJ_HIGH));
        fixture.registerInjectableResource(new InMemoryRegistrationNumbers());
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(RECORDER);
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception e) {
                failure = e;
                throw e;
            }
        });
    }

    private void assertRefused(ResultValidator<TechnologyContract> result, Rule rule, Object... arguments) {
        result.expectException(RuleViolation.class).expectNoEvents();
        RuleViolation violation = assertThat(failure).asInstanceOf(type(RuleViolation.class)).actual();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.arguments()).containsExactly(arguments);
    }

    private static SetCoOwners setCoOwners(CoOwner... owners) {
        return new SetCoOwners(CONTRACT, "CO-1", List.of(owners));
    }

    private static CoOwner owner(InstitutionRegistered institution, BigDecimal share) {
        return new CoOwner(institution.institutionId(), share);
    }

    private static CoOwnersSet coOwnersSet(CoOwnerTerms... owners) {
        return new CoOwnersSet(CONTRACT, "CO-1", List.of(owners));
    }

    @Test
    void each_co_owner_is_held_to_its_own_policy() {
        fixture.given(beijingLicence()).when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, FORTY)))
                .expectEvents(coOwnersSet(new CoOwnerTerms("BJ-UNI", SIXTY, BJ_TERMS),
                        new CoOwnerTerms("NAT-RI", FORTY, NAT_TERMS)));
    }

    @Test
    void refuses_shares_that_do_not_make_the_whole() {
        assertRefused(fixture.given(beijingLicence())
                        .when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, new BigDecimal("0.3")))),
                CO_OWNER_SHARES_NOT_WHOLE, new BigDecimal("0.9"));
    }

    @Test
    void refuses_co_owners_after_a_receipt_and_on_a_terminated_contract() {
        assertRefused(fixture.given(beijingLicence(), income("IN-1", "100.00"))
                        .when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, FORTY))),
                CO_OWNERS_AFTER_RECEIPTS, yuan("100.00"));
        assertRefused(fixture.given(beijingLicence(), terminated())
                        .when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, FORTY))),
                CONTRACT_TERMINATED, LocalDate.of(2022, 1, 31));
    }

    @Test
    void refuses_co_owners_after_a_cost() {
        assertRefused(fixture.given(beijingLicence(), cost("C-1", "30.00", CostCategory.TAX))
                        .when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, FORTY))),
                CO_OWNERS_AFTER_RECEIPTS, yuan("30.00"));
    }

    @Test
    void the_seller_keeps_the_contract_s_own_terms_among_the_co_owners() {
        RewardTerms agreed = new RewardTerms("BEIJING-2020", new BigDecimal("0.70"), new BigDecimal("0.75"), 36);
        fixture.given(registered(ContractKind.LICENSE, agreed))
                .when(setCoOwners(owner(BJ_UNI, SIXTY), owner(NAT_RI, FORTY)))
                .expectEvents(coOwnersSet(new CoOwnerTerms("BJ-UNI", SIXTY, agreed),
                        new CoOwnerTerms("NAT-RI", FORTY, NAT_TERMS)));
    }

    /** 1,000.01 split 600.01 and 400.00: the seller owes 70% of its 600.01, 420.01, not 70% of the whole deal. */
    @Test
    void the_seller_decides_on_its_own_share() {
        Object[] given = {beijingLicence(), coOwnersSet(new CoOwnerTerms("BJ-UNI", SIXTY, BJ_TERMS),
                new CoOwnerTerms("NAT-RI", FORTY, NAT_TERMS)), income("IN-1", "1000.01")};
        fixture.given(given).when(decide("D-1", "420.01", allocation(ALICE, "420.01")))
                .expectEvents(decided("D-1", "420.01", allocation(ALICE, "420.01")));
        assertRefused(fixture.given(given).when(decide("D-1", "420.00", allocation(ALICE, "420.00"))),
                REWARD_BELOW_MINIMUM, yuan("420.01"), yuan("420.00"), new BigDecimal("0.70"), "BEIJING-2020");
    }

    @Test
    void the_contract_total_bounds_the_whole_deal_s_receipts() {
        assertRefused(fixture.given(beijingLicence(), coOwnersSet(new CoOwnerTerms("BJ-UNI", SIXTY, BJ_TERMS),
                                new CoOwnerTerms("NAT-RI", FORTY, NAT_TERMS)), income("IN-1", "900000.00"))
                        .when(recordIncome("IN-2", "100000.01")),
                INCOME_EXCEEDS_TOTAL, yuan("1000000.01"), yuan("1000000.00"));
    }

    @Test
    void the_seller_s_figures_are_its_co_owner_row() {
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                coOwnersSet(new CoOwnerTerms("NAT-RI", FORTY, NAT_TERMS), new CoOwnerTerms("BJ-UNI", SIXTY, BJ_TERMS)),
                income("IN-1", "1000.01"), cost("C-1", "0.03", CostCategory.TAX)));
        CoOwnerFigures seller = state.coOwners().figures(TODAY).get(1);
        RewardFigures own = state.book().figures(TODAY);
        assertThat(List.of(own.income(), own.deductibleCosts(), own.netIncome(), own.requiredReward()))
                .containsExactly(seller.income(), seller.deductibleCosts(), seller.netIncome(), seller.requiredReward());
        assertThat(own.dueBy()).isEqualTo(seller.dueBy());
    }

    @Test
    void the_seller_is_a_co_owner_and_every_co_owner_is_registered() {
        fixture.given(beijingLicence()).when(setCoOwners(owner(NAT_RI, SIXTY), owner(BJ_HIGH, FORTY)))
                .expectException(InvalidField.class).expectNoEvents();
        fixture.given(beijingLicence())
                .when(setCoOwners(owner(BJ_UNI, SIXTY), new CoOwner("NOBODY", FORTY)))
                .expectException(UnknownInstitution.class).expectNoEvents();
    }

    @Test
    void each_receipt_and_cost_is_split_to_the_fen_and_each_share_owes_by_its_own_rate() {
        BigDecimal third = new BigDecimal("0.333333");
        BigDecimal rest = new BigDecimal("0.333334");
        ContractState state = ContractState.replay(List.of(beijingLicence(),
                coOwnersSet(new CoOwnerTerms("BJ-UNI", third, BJ_TERMS), new CoOwnerTerms("NAT-RI", third, NAT_TERMS),
                        new CoOwnerTerms("BJ-HIGH", rest, new org.techtransfer.ledger.reward.RewardTerms(
                                "BEIJING-2020", new BigDecimal("0.80"), new BigDecimal("0.80"), 24))),
                income("IN-1", "100.00"), income("IN-2", "999.99"), reversed("R-1", "IN-2", EntryType.INCOME),
                cost("C-1", "10.00", CostCategory.TAX)));
        // 100.00: 3333.33, 3333.33 and 3333.34 fen exactly; the fen left goes to the largest fraction, the third's
        assertThat(state.coOwners().figures(TODAY)).extracting(CoOwnerFigures::institutionId, CoOwnerFigures::income,
                CoOwnerFigures::deductibleCosts, CoOwnerFigures::netIncome, CoOwnerFigures::requiredReward).containsExactly(
                tuple("BJ-UNI", yuan("33.33"), yuan("3.33"), yuan("30.00"), yuan("21.00")),
                tuple("NAT-RI", yuan("33.33"), yuan("3.33"), yuan("30.00"), yuan("15.00")),
                tuple("BJ-HIGH", yuan("33.34"), yuan("3.34"), yuan("30.00"), yuan("24.00")));
        // the contract's book is the seller's: its share, as its co-owner row; the deal's income stays whole
        assertThat(state.book().income()).isEqualTo(yuan("33.33"));
        assertThat(state.book().requiredReward()).isEqualTo(yuan("21.00"));
        assertThat(state.income()).isEqualTo(yuan("100.00"));
        ContractState restored = ContractState.restore(state.snapshot());
        assertThat(restored.coOwners().figures(TODAY)).isEqualTo(state.coOwners().figures(TODAY));
    }
}
