package org.techtransfer.ledger.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.IncomeLoad.Income;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.ServiceProcess;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, crash: the service process is killed with SIGKILL at random moments while eight clients
 * record incomes, and started again on the same database. The database, read without the service,
 * must then hold every acknowledged income exactly once, each income that was in flight either whole
 * (event and command-log row) or not at all; a client sending those again with the same ids ends with
 * each exactly once; and the read models, caught up, equal a rebuild from the log.
 */
@Tag("reliability")
class CrashTest {

    private static final int KILLS = Integer.getInteger("ledger.reliability.kills", 4);
    private static final int CLIENTS = 8;
    private static final List<String> CONTRACTS = List.of("C-CRASH-1", "C-CRASH-2", "C-CRASH-3", "C-CRASH-4");

    @Test
    void every_acknowledged_income_survives_sigkill_exactly_once() {
        long seed = Long.getLong("ledger.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = TestDatabase.fresh();
        try (ServiceProcess service = ServiceProcess.start(url)) {
            LedgerClient client = service.client();
            created(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")));
            CONTRACTS.forEach(id -> created(client.post("recorder-a", "/api/v1/contracts", Deals.contract(id, "DEMO-A", "LICENSE"))));
            IncomeLoad load = new IncomeLoad(CONTRACTS, "I");
            List<Duration> restarts = new ArrayList<>();
            int inFlight = 0;
            int inFlightPresent = 0;

            for (int kill = 1; kill <= KILLS; kill++) {
                // given clients in the middle of their requests
                IncomeLoad.Running clients = load.start(CLIENTS, n -> client);
                ServiceProcess.sleep(1_500 + random.nextInt(3_000));

                // when the service is killed, nothing of it cleaning up
                service.kill();
                clients.stop();

                // then each income in flight is, in the database alone, either whole or absent
                Set<Income> uncertain = load.uncertain();
                RecordedIncomes afterCrash = RecordedIncomes.read(url);
                for (Income income : uncertain) {
                    List<RecordedIncomes.Event> events = afterCrash.events(income.incomeId());
                    assertThat(events).as("events of in-flight " + income).hasSizeLessThanOrEqualTo(1);
                    assertThat(afterCrash.inCommandLog(income)).as("command-log row of in-flight " + income)
                            .isEqualTo(events.size() == 1);
                    if (events.size() == 1) {
                        assertThat(afterCrash.commandLogVersion(income)).isEqualTo(events.get(0).sequence());
                    }
                }
                Set<Income> present = uncertain.stream().filter(i -> afterCrash.events(i.incomeId()).size() == 1)
                        .collect(Collectors.toSet());
                inFlight += uncertain.size();
                inFlightPresent += present.size();

                // and the client that sends them again after the restart gets 200 for those recorded, 201 for the others
                restarts.add(service.restart());
                Map<Income, Integer> answers = load.retryUncertain(client);
                for (Income income : uncertain) {
                    assertThat(answers.get(income)).as("answer to the retried " + income).isEqualTo(present.contains(income) ? 200 : 201);
                }
            }
            IncomeLoad.Running last = load.start(CLIENTS, n -> client);
            ServiceProcess.sleep(1_000);
            last.stop();

            assertThat(load.unexpected()).as("answers other than 200, 201, 503").isEmpty();
            assertThat(load.uncertain()).isEmpty();
            Map<String, IncomeLoad.Acknowledged> acknowledged = load.acknowledged();
            RecordedIncomes recorded = RecordedIncomes.read(url);
            AcknowledgedIncomes.recordedOnce(acknowledged, recorded);
            long lastPosition = acknowledged.values().stream().mapToLong(IncomeLoad.Acknowledged::position).max().orElseThrow();
            Map<String, String> live = AcknowledgedIncomes.agreeWithContractsAndObligations(client, acknowledged, lastPosition);
            assertThat(ReadModels.rebuild(client, service::log, lastPosition))
                    .as("read models built live across the crashes versus rebuilt from the log").isEqualTo(live);
            JsonNode verify = client.get("auditor", "/api/v1/audit/verify").json();
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();

            System.out.printf("reliability crash: seed=%d kills=%d acknowledged=%d recorded=%d commandLog=%d inFlight=%d "
                            + "(recorded before the kill %d, absent %d) restart=%s%n", seed, KILLS, acknowledged.size(),
                    recorded.incomeEvents(), recorded.commandLogRows(), inFlight, inFlightPresent, inFlight - inFlightPresent,
                    restarts.stream().map(d -> d.toMillis() + "ms").toList());
        }
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
