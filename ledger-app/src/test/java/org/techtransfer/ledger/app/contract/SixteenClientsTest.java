package org.techtransfer.ledger.app.contract;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, concurrency: sixteen clients record incomes on one contract at the same moment, each
 * alternating between two nodes so that the races are real (within one node Axon queues a contract's
 * commands) and each node's cached contract is made stale by the other's appends, however the threads
 * happen to be scheduled (with a fixed node per client, a loaded machine once ran one node's clients
 * to the end before the other's started, and nothing conflicted). Every income is answered 201
 * (conflicts are retried inside the ledger, never a 409 or a 500), each client sees its versions
 * strictly increase, no version is given twice, and the log holds each income exactly once.
 */
class SixteenClientsTest {

    private static final int CLIENTS = 16;
    private static final int INCOMES_PER_CLIENT = 15;
    private static final int INCOMES = CLIENTS * INCOMES_PER_CLIENT;
    private static final String CONTRACT = "C-SIXTEEN";

    @Test
    void sixteen_clients_on_one_contract_are_all_counted_once_in_increasing_versions() throws Exception {
        String url = TestDatabase.fresh();
        try (LedgerNode one = LedgerNode.start(url); LedgerNode two = LedgerNode.start(url)) {
            LedgerClient setup = one.client();
            assertThat(setup.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            assertThat(setup.post("recorder-a", "/api/v1/contracts", Deals.contract(CONTRACT, "DEMO-A", "LICENSE")).status()).isEqualTo(201);

            // given sixteen clients, released at once
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                List<LedgerClient> nodes = List.of(one.client(), two.client());
                int clientNumber = c;
                clients.add(pool.submit(() -> {
                    go.await();
                    List<Long> versions = new ArrayList<>();
                    for (int i = 0; i < INCOMES_PER_CLIENT; i++) {
                        // when each records its incomes one after the other
                        LedgerClient.Response answer = nodes.get((clientNumber + i) % 2).post("recorder-a",
                                "/api/v1/contracts/" + CONTRACT + "/incomes",
                                Deals.income("I-" + clientNumber + "-" + i, "10.00", "2026-03-15"));
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                        versions.add(answer.json().get("version").asLong());
                    }
                    return versions;
                }));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> client : clients) {
                List<Long> versions = client.get();
                // then each client's versions strictly increase
                assertThat(versions).isSorted().doesNotHaveDuplicates();
                all.addAll(versions);
            }
            pool.shutdown();

            // and together they are 1..n, each once, as the contract and the log count them
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, INCOMES).boxed().toList());
            var contract = setup.get("auditor", "/api/v1/contracts/" + CONTRACT).json();
            assertThat(contract.get("version").asLong()).isEqualTo(INCOMES);
            assertThat(contract.get("income").asText()).isEqualTo(INCOMES * 10 + ".00");
            RecordedIncomes recorded = RecordedIncomes.read(url);
            assertThat(recorded.incomeEvents()).isEqualTo(INCOMES);
            IntStream.range(0, CLIENTS).forEach(c -> IntStream.range(0, INCOMES_PER_CLIENT).forEach(i ->
                    assertThat(recorded.events("I-" + c + "-" + i)).hasSize(1)));
            double retried = one.bean(MeterRegistry.class).counter("ledger.commands.retried").count()
                    + two.bean(MeterRegistry.class).counter("ledger.commands.retried").count();
            assertThat(retried).as("conflicts between the nodes happened and were retried").isPositive();
            System.out.printf("reliability sixteen clients: incomes=%d recorded=%d retried conflicts=%.0f%n",
                    all.size(), recorded.incomeEvents(), retried);
        }
    }
}
