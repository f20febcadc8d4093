package org.techtransfer.ledger.contract;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.deal.Pricing;
import org.techtransfer.ledger.rule.Rule;
import org.techtransfer.ledger.rule.RuleViolation;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/** Law Art. 18 at registration: a price agreed by a government-established seller was publicised first. */
class DealPublicityTest {

    /** BJ-UNI's notice, ended the day before the signing. */
    private static final DealNoticeRecorded ENDED = new DealNoticeRecorded(BJ_UNI.institutionId(), "DN-1",
            "CN201910000001.X", yuan("900000.00"), SIGNED.minusDays(21), SIGNED.minusDays(1));
    /** BJ-UNI's notice, still running when the contract was signed. */
    private static final DealNoticeRecorded RUNNING = new DealNoticeRecorded(BJ_UNI.institutionId(), "DN-2",
            "CN201910000001.X", yuan("1000000.00"), SIGNED.minusDays(5), SIGNED.plusDays(10));
    /** Another institution's notice. */
    private static final DealNoticeRecorded OTHERS = new DealNoticeRecorded(NAT_RI.institutionId(), "DN-9",
            "CN201910000001.X", yuan("1000000.00"), SIGNED.minusDays(30), SIGNED.minusDays(10));

    private AggregateTestFixture<TechnologyContract> fixture;
    private InMemoryRegistrationNumbers numbers;
    private Throwable failure;

    @BeforeEach
    void setUp() {
        numbers = new InMemoryRegistrationNumbers();
        fixture = new AggregateTestFixture<>(TechnologyContract.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        fixture.registerInjectableResource(new InMemoryInstitutions(BJ_UNI, NAT_RI, BJ_HIGH)
                .with(ENDED).with(RUNNING).with(OTHERS));
        fixture.registerInjectableResource(numbers);
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

    private static RegisterContract register(String sellerId, Pricing pricing, String noticeId) {
        RegisterContract plain = ContractTestData.register(ContractKind.LICENSE, sellerId, SIGNED);
        return new RegisterContract(plain.contractId(), plain.registrationNumber(), plain.kind(),
                plain.sellerInstitutionId(), plain.buyer(), plain.technologyField(), plain.totalAmount(),
                plain.technologyAmount(), plain.signedOn(), plain.contributors(), plain.licenseScope(),
                plain.achievements(), plain.ipKind(), pricing, noticeId);
    }

    private void assertRefused(ResultValidator<TechnologyContract> result, Rule rule) {
        result.expectException(RuleViolation.class).expectNoEvents();
        assertThat(failure).asInstanceOf(type(RuleViolation.class)).extracting(RuleViolation::rule).isEqualTo(rule);
        assertThat(numbers.holderOf(REGISTRATION)).isEmpty(); // a refused registration claims no number
    }

    @Test
    void an_agreed_price_of_a_government_established_seller_names_a_notice_that_ended_by_the_signing() {
        fixture.givenNoPriorActivity()
                .when(register(BJ_UNI.institutionId(), Pricing.AGREEMENT, "DN-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(ContractKind.LICENSE, BJ_TERMS, BJ_UNI),
                        new ContractPriced(CONTRACT, Pricing.AGREEMENT, ENDED.notice()));
    }

    @Test
    void an_agreed_price_without_a_notice_is_refused() {
        assertRefused(fixture.givenNoPriorActivity().when(register(BJ_UNI.institutionId(), Pricing.AGREEMENT, null)),
                Rule.DEAL_PUBLICITY_REQUIRED);
    }

    @Test
    void an_agreed_price_whose_notice_had_not_ended_by_the_signing_is_refused() {
        assertRefused(fixture.givenNoPriorActivity().when(register(BJ_UNI.institutionId(), Pricing.AGREEMENT, "DN-2")),
                Rule.DEAL_PUBLICITY_REQUIRED);
    }

    @Test
    void a_notice_of_another_institution_does_not_count() {
        assertRefused(fixture.givenNoPriorActivity().when(register(BJ_UNI.institutionId(), Pricing.AGREEMENT, "DN-9")),
                Rule.DEAL_PUBLICITY_REQUIRED);
    }

    @Test
    void a_seller_not_established_by_the_government_may_agree_a_price_without_a_notice() {
        fixture.givenNoPriorActivity()
                .when(register(BJ_HIGH.institutionId(), Pricing.AGREEMENT, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(ContractKind.LICENSE, new org.techtransfer.ledger.reward.RewardTerms("BEIJING-2020", new java.math.BigDecimal("0.80"), new java.math.BigDecimal("0.80"), 24), BJ_HIGH),
                        new ContractPriced(CONTRACT, Pricing.AGREEMENT, null));
    }

    @Test
    void a_listed_or_auctioned_price_needs_no_notice() {
        fixture.givenNoPriorActivity()
                .when(register(BJ_UNI.institutionId(), Pricing.LISTING, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(ContractKind.LICENSE, BJ_TERMS, BJ_UNI),
                        new ContractPriced(CONTRACT, Pricing.LISTING, null));
    }

    @Test
    void a_notice_named_that_the_seller_never_recorded_is_refused() {
        assertRefused(fixture.givenNoPriorActivity().when(register(BJ_UNI.institutionId(), Pricing.AUCTION, "DN-404")),
                Rule.UNKNOWN_ENTRY);
    }

    @Test
    void without_pricing_the_registration_is_as_before() {
        fixture.givenNoPriorActivity()
                .when(register(BJ_UNI.institutionId(), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(ContractKind.LICENSE, BJ_TERMS, BJ_UNI));
    }

    @Test
    void the_contract_keeps_the_notice_and_tells_whether_its_total_differs_from_the_proposed_price() {
        ContractState state = ContractState.replay(java.util.List.of(registered(ContractKind.LICENSE, BJ_TERMS, BJ_UNI),
                new ContractPriced(CONTRACT, Pricing.AGREEMENT, ENDED.notice())));
        assertThat(state.priced().dealNotice().proposedPrice()).isEqualTo(yuan("900000.00"));
        assertThat(state.priceDiffersFromNotice()).isTrue();
        state.evolve(new ContractAmended(CONTRACT, "A-1", yuan("900000.00"), yuan("800000.00"), "as publicised"));
        assertThat(state.priceDiffersFromNotice()).isFalse();
    }

    private static ContractRegistered registered(ContractKind kind, org.techtransfer.ledger.reward.RewardTerms terms,
                                                 org.techtransfer.ledger.institution.InstitutionRegistered seller) {
        return new ContractRegistered(CONTRACT, REGISTRATION, kind, seller.institutionId(), seller.type(),
                seller.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), SIGNED, CONTRIBUTORS,
                LicenseScope.EXCLUSIVE, ACHIEVEMENTS, terms, null, seller.countsAsNonProfit());
    }
}
