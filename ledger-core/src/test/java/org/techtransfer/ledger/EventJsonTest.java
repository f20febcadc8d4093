package org.techtransfer.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.approval.ApprovalRoute;
import org.techtransfer.ledger.approval.ApprovalStep;
import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.approval.EquityRewardProposed;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.contract.ContractPriced;
import org.techtransfer.ledger.deal.DealNotice;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.deal.Pricing;
import org.techtransfer.ledger.contract.ContractAmended;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractTerminated;
import org.techtransfer.ledger.contract.CostCategory;
import org.techtransfer.ledger.contract.CostRecorded;
import org.techtransfer.ledger.contract.EntryReversed;
import org.techtransfer.ledger.contract.EquityReceived;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.contract.LicenseScope;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.PolicyName;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.ShareAllocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events go to the event store as JSON (Jackson with the Java time module): every event must come back
 * equal to what was written, with money as strings of two decimals and dates as {@code YYYY-MM-DD}.
 */
class EventJsonTest {

    private static final String C = "C-2021-001";
    private static final LocalDate DAY = LocalDate.of(2021, 3, 15);

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static ContractRegistered contractRegistered() {
        return new ContractRegistered(C, "2021110116000123", ContractKind.LICENSE, "BJ-UNI",
                OrganisationType.UNIVERSITY, "110116", new Buyer("Huairou Pharma Co.", OrganisationType.ENTERPRISE,
                "110116"), "biomedicine", Money.of("1000000.00"), Money.of("800000.00"), DAY,
                List.of(new Contributor("alice", "Alice Wang", true, false, false),
                        new Contributor("dean", "Dean Zhao", false, true, false)),
                LicenseScope.EXCLUSIVE, List.of("CN201910000001.X"),
                new RewardTerms("BEIJING-2020", new BigDecimal("0.70"), new BigDecimal("0.70"), 36), null, null);
    }

    private static CashRewardDecided cashRewardDecided() {
        return new CashRewardDecided(C, "D-1", DAY, Money.of("100000.01"),
                List.of(new Allocation("alice", Money.of("50000.01")), new Allocation("dean", Money.of("50000.00"))), null);
    }

    static Stream<Object> events() {
        return Stream.of(
                contractRegistered(),
                new ContractRegistered(C, "N", ContractKind.SERVICE, "S", OrganisationType.OTHER, "310104",
                        new Buyer("B", OrganisationType.OTHER, "310104"), "f", Money.of("0.01"), Money.of("0.01"), DAY,
                        List.of(new Contributor("p", "P", true, true, false)), null, List.of(),
                        new RewardTerms("NATIONAL-2015", BigDecimal.ZERO, BigDecimal.ZERO, 12), null, null),
                new IncomeRecorded(C, "I-1", Money.of("1250.00"), DAY, IncomeCategory.COST_REIMBURSEMENT),
                new CostRecorded(C, "K-1", Money.of("0.01"), DAY, CostCategory.MAINTENANCE),
                new EquityReceived(C, "E-1", "Huairou Pharma Co.", 1001, Money.of("5000000.00"), DAY),
                cashRewardDecided(),
                new EquityRewardDecided(C, "Q-1", DAY, 701, List.of(new ShareAllocation("alice", 701)), null),
                new PublicityRecorded(C, "N-1", "D-1", DAY, DAY.plusDays(7), null),
                new RewardPaid(C, "P-1", "alice", Money.of("999999999999999.99"), DAY, "bank transfer 42", null),
                new RewardPaid(C, "P-2", "alice", Money.of("0.01"), DAY, "bank transfer 43", "NAT-RI"),
                new ContractAmended(C, "A-1", Money.of("900000.00"), Money.of("900000.00"), "price corrected"),
                new EntryReversed(C, "R-1", "I-1", EntryType.INCOME, "recorded by mistake", null),
                new EntryReversed(C, "R-2", "P-2", EntryType.PAYMENT, "wrong account", "NAT-RI"),
                new ContractTerminated(C, DAY, "buyer withdrew"),
                new InstitutionRegistered("BJ-UNI", "Huairou University", OrganisationType.UNIVERSITY, true, "110116",
                        PolicyName.BEIJING, new BigDecimal("0.80"), 24, null),
                new InstitutionRegistered("NAT-RI", "National Institute", OrganisationType.RESEARCH_INSTITUTE, false,
                        "310104", PolicyName.NATIONAL, null, null, null),
                // issue 23
                new DealNoticeRecorded("BJ-UNI", "DN-1", "CN201910000001.X", Money.of("900000.00"), DAY.minusDays(15),
                        DAY.minusDays(1)),
                new ContractPriced(C, Pricing.AGREEMENT, new DealNotice("DN-1", "CN201910000001.X",
                        Money.of("900000.00"), DAY.minusDays(15), DAY.minusDays(1))),
                new ContractPriced(C, Pricing.LISTING, null),
                new ApprovalPolicySet("BJ-UNI", "AP-1", DAY, List.of(new ApprovalStep(ApprovalLevel.COLLEGE,
                        Money.ZERO), new ApprovalStep(ApprovalLevel.PRESIDENT_MEETING, Money.of("5000000.00")))),
                new CashRewardProposed(C, "D-2", DAY, Money.of("100000.01"), cashRewardDecided().allocations(),
                        new ApprovalRoute("AP-1", List.of(ApprovalLevel.COLLEGE), "recorder-a")),
                new EquityRewardProposed(C, "Q-2", DAY, 701, List.of(new ShareAllocation("alice", 701)),
                        Money.of("3500000.00"), new ApprovalRoute("AP-1", List.of(ApprovalLevel.COLLEGE), "recorder-a")),
                new DecisionApprovalRecorded(C, "AP-1", "D-2", ApprovalLevel.PRESIDENT_MEETING, false, DAY, null,
                        "M-7", "approver-vp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void every_event_comes_back_equal_from_json(Object event) throws Exception {
        String json = mapper.writeValueAsString(event);
        assertThat(mapper.readValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void a_registration_keeps_money_as_strings_dates_as_iso_and_rates_exact() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(contractRegistered()));
        assertThat(json.get("totalAmount").isTextual()).isTrue();
        assertThat(json.get("totalAmount").asText()).isEqualTo("1000000.00");
        assertThat(json.get("technologyAmount").asText()).isEqualTo("800000.00");
        assertThat(json.get("signedOn").asText()).isEqualTo("2021-03-15");
        assertThat(json.get("kind").asText()).isEqualTo("LICENSE");
        assertThat(json.get("contributors").get(1).get("leadership").asBoolean()).isTrue();
        assertThat(json.get("terms").get("policyId").asText()).isEqualTo("BEIJING-2020");
        assertThat(json.get("terms").get("cashRate").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(json.get("terms").get("deadlineMonths").asInt()).isEqualTo(36);
    }

    @Test
    void a_cash_decision_keeps_every_allocation_to_the_fen() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(cashRewardDecided()));
        assertThat(json.get("total").asText()).isEqualTo("100000.01");
        assertThat(json.get("decidedOn").asText()).isEqualTo("2021-03-15");
        assertThat(json.get("allocations").get(0).get("personId").asText()).isEqualTo("alice");
        assertThat(json.get("allocations").get(0).get("amount").asText()).isEqualTo("50000.01");
        assertThat(json.get("allocations").get(1).get("amount").isTextual()).isTrue();
    }
}
