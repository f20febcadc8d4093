package org.techtransfer.ledger.app.apidoc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.app.support.TestUsers;
import org.techtransfer.ledger.client.ApiClient;
import org.techtransfer.ledger.client.ApiException;
import org.techtransfer.ledger.client.api.ContractsApi;
import org.techtransfer.ledger.client.api.InstitutionsApi;
import org.techtransfer.ledger.client.api.PayoutsApi;
import org.techtransfer.ledger.client.api.RewardsApi;
import org.techtransfer.ledger.client.model.Allocation;
import org.techtransfer.ledger.client.model.Buyer;
import org.techtransfer.ledger.client.model.CommandAnswer;
import org.techtransfer.ledger.client.model.Contributor;
import org.techtransfer.ledger.client.model.DecideCashReward;
import org.techtransfer.ledger.client.model.Obligation;
import org.techtransfer.ledger.client.model.PayReward;
import org.techtransfer.ledger.client.model.PersonPayout;
import org.techtransfer.ledger.client.model.Problem;
import org.techtransfer.ledger.client.model.RecordCost;
import org.techtransfer.ledger.client.model.RecordIncome;
import org.techtransfer.ledger.client.model.RecordPublicity;
import org.techtransfer.ledger.client.model.RegisterContract;
import org.techtransfer.ledger.client.model.RegisterInstitution;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the checked-in description (openapi-generator, its {@code native} library; pom.xml)
 * records a whole deal against a running ledger and reads what it owes and paid, with no HTTP written by hand;
 * a refusal arrives as a problem whose {@code code} it reads with the generated {@link Problem}.
 */
class GeneratedClientTest {

    private static final String C = "C-GEN-1";
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = LedgerNode.start(TestDatabase.fresh());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void a_generated_client_records_a_deal_reads_obligations_and_payouts_and_reads_a_refusals_code() throws Exception {
        LocalDate today = LocalDate.now();
        new InstitutionsApi(signedIn("admin")).registerInstitution(new RegisterInstitution()
                .institutionId("DEMO-A").name("Huairou Institute of Nanoenergy")
                .type(RegisterInstitution.TypeEnum.RESEARCH_INSTITUTE).governmentEstablished(true)
                .regionCode("110116").policy(RegisterInstitution.PolicyEnum.BEIJING), null);

        ApiClient recorder = signedIn("recorder-a");
        ContractsApi contracts = new ContractsApi(recorder);
        RewardsApi rewards = new RewardsApi(recorder);
        CommandAnswer registered = contracts.registerContract(new RegisterContract()
                .contractId(C).registrationNumber("2026110116000901").kind(RegisterContract.KindEnum.LICENSE)
                .sellerInstitutionId("DEMO-A")
                .buyer(new Buyer().name("Yanqi Lake Materials Co.").type(Buyer.TypeEnum.ENTERPRISE).regionCode("110116"))
                .technologyField("nanotechnology").totalAmount("1200000.00").technologyAmount("1000000.00")
                .signedOn(today.minusDays(60))
                .contributors(List.of(
                        new Contributor().personId("P-001").name("Wang").principal(true).leadership(false),
                        new Contributor().personId("P-002").name("Li").principal(false).leadership(true))),
                "client-test");
        assertThat(registered.getVersion()).isZero();
        contracts.recordIncome(C, new RecordIncome().incomeId("INC-1").amount("1000000.00")
                .receivedOn(today.minusDays(50)).category(RecordIncome.CategoryEnum.UPFRONT), null);
        contracts.recordCost(C, new RecordCost().costId("COST-1").amount("100000.00")
                .incurredOn(today.minusDays(45)).category(RecordCost.CategoryEnum.TAX), null);

        // 70% of 900,000.00 is required: 600,000.00 is refused, and the client reads why from the problem
        ApiException refused = catchThrowableOfType(ApiException.class, () -> rewards.decideCashReward(C,
                decision("600000.00", "400000.00", "200000.00", today.minusDays(40)), null));
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = recorder.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("REWARD_BELOW_MINIMUM");
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getType()).isEqualTo("urn:ledger:problem:rule-violation");

        rewards.decideCashReward(C, decision("630000.00", "400000.00", "230000.00", today.minusDays(40)), null);
        rewards.recordPublicity(C, new RecordPublicity().noticeId("N-1").decisionId("DEC-1")
                .from(today.minusDays(35)).to(today.minusDays(20)), null);
        rewards.payReward(C, new PayReward().paymentId("PAY-1").personId("P-001").amount("400000.00")
                .paidOn(today.minusDays(10)).reference("payroll"), null);
        CommandAnswer paid = rewards.payReward(C, new PayReward().paymentId("PAY-2").personId("P-002")
                .amount("230000.00").paidOn(today.minusDays(10)).reference("payroll"), null);
        assertThat(paid.getVersion()).isEqualTo(6);

        ApiClient finance = signedIn("finance");
        List<Obligation> obligations = new RewardsApi(finance).listObligations("DEMO-A", null, null, paid.getPosition());
        assertThat(obligations).singleElement().satisfies(o -> {
            assertThat(o.getContractId()).isEqualTo(C);
            assertThat(o.getRequiredReward()).isEqualTo("630000.00");
            assertThat(o.getRewardPaid()).isEqualTo("630000.00");
            assertThat(o.getStatus()).isEqualTo(Obligation.StatusEnum.COMPLIANT);
        });
        List<PersonPayout> payouts = new PayoutsApi(finance).listPayouts("P-002", null, null, null, paid.getPosition());
        assertThat(payouts).singleElement().satisfies(p -> {
            assertThat(p.getAllocated()).isEqualTo("230000.00");
            assertThat(p.getPaid()).isEqualTo("230000.00");
            assertThat(p.getUnpaid()).isEqualTo("0.00");
            assertThat(p.getItems()).hasSize(2);
        });
    }

    private static DecideCashReward decision(String total, String wang, String li, LocalDate on) {
        return new DecideCashReward().decisionId("DEC-1").decidedOn(on).total(total).allocations(List.of(
                new Allocation().personId("P-001").amount(wang), new Allocation().personId("P-002").amount(li)));
    }

    /** HTTP Basic as the description's security scheme says: the JDK's client answers the ledger's challenge. */
    private static ApiClient signedIn(String user) {
        HttpClient.Builder http = HttpClient.newBuilder().authenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, TestUsers.PASSWORD.toCharArray());
            }
        });
        return new ApiClient(http, ApiClient.createDefaultObjectMapper(), "http://localhost:" + node.port());
    }
}
