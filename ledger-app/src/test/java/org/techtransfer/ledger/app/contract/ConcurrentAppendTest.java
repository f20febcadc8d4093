package org.techtransfer.ledger.app.contract;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one database append to the same contract at once. Within one JVM Axon
 * serialises an aggregate's commands; across nodes only the event table's unique key does, so here
 * the conflicts are real: each one must be retried and recorded, never lost and never doubled.
 */
class ConcurrentAppendTest {

    private static final int PER_NODE = 25;

    @Test
    void concurrent_appends_from_two_nodes_are_all_recorded_once() throws Exception {
        String url = TestDatabase.fresh();
        try (LedgerNode one = LedgerNode.start(url); LedgerNode two = LedgerNode.start(url)) {
            LedgerClient a = one.client();
            LedgerClient b = two.client();
            assertThat(a.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            assertThat(a.post("recorder-a", "/api/v1/contracts", Deals.contract("C-RACE", "DEMO-A", "LICENSE")).status()).isEqualTo(201);

            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            Set<Long> versions = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2 * PER_NODE; i++) {
                LedgerClient client = i % 2 == 0 ? a : b;
                String id = "I-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    LedgerClient.Response r = client.post("recorder-a", "/api/v1/contracts/C-RACE/incomes",
                            Deals.income(id, "100.00", "2026-03-15"));
                    if (r.status() == 201) {
                        versions.add(r.json().get("version").asLong());
                    }
                    return r.status();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
            pool.shutdown();

            assertThat(versions).hasSize(2 * PER_NODE);
            var contract = a.get("auditor", "/api/v1/contracts/C-RACE").json();
            assertThat(contract.get("version").asLong()).isEqualTo(2 * PER_NODE);
            assertThat(contract.get("income").asText()).isEqualTo(String.format("%d.00", 100 * 2 * PER_NODE));
            try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT sequence_number) FROM domain_event_entry "
                         + "WHERE aggregate_identifier = 'C-RACE'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2 * PER_NODE + 1);
                assertThat(r.getInt(2)).isEqualTo(2 * PER_NODE + 1);
            }
            double retried = one.bean(MeterRegistry.class).counter("ledger.commands.retried").count()
                    + two.bean(MeterRegistry.class).counter("ledger.commands.retried").count();
            assertThat(retried).as("conflicts between the nodes were retried").isPositive();
        }
    }
}
