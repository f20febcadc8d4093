package org.techtransfer.ledger.app.command;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.TestDatabase;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.rule.RuleViolation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit: commands sent at once are committed together, and a refused command in a batch leaves
 * the others recorded exactly once and itself recorded not at all.
 */
class CommandLanesTest {

    private static final int CONTRACTS = 6;
    private static final int CLIENTS = 24;
    private static final int COMMANDS_PER_CLIENT = 40;

    @Test
    void commands_sent_at_once_share_commits_and_a_refusal_in_a_batch_costs_the_others_nothing() throws Exception {
        String url = TestDatabase.fresh();
        try (LedgerNode node = LedgerNode.start(url)) {
            LedgerClient setup = node.client();
            assertThat(setup.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            for (int c = 0; c < CONTRACTS; c++) {
                assertThat(setup.post("recorder-a", "/api/v1/contracts", Deals.contract("C-LANE-" + c, "DEMO-A", "LICENSE"))
                        .status()).isEqualTo(201);
            }
            LedgerCommands commands = node.bean(LedgerCommands.class);

            // given clients released at once, each sending incomes and, every fifth command, a payment that
            // no reward decision allows
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, List<Long>> answered = new ConcurrentHashMap<>();
            Set<String> refused = ConcurrentHashMap.newKeySet();
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int k = client;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                        String contract = "C-LANE-" + (k + i) % CONTRACTS;
                        String id = "L-" + k + "-" + i;
                        if (i % 5 == 4) {
                            // when a command the rules refuse is among them
                            assertThatThrownBy(() -> commands.send(new PayReward(contract, id, "P-1", Money.of("1.00"),
                                    LocalDate.of(2026, 4, 1), "ref", null), "recorder-a", id)).isInstanceOf(RuleViolation.class);
                            refused.add(id);
                        } else {
                            LedgerCommands.Outcome outcome = commands.send(new RecordIncome(contract, id, Money.of("1.00"),
                                    LocalDate.of(2026, 3, 15), IncomeCategory.UPFRONT), "recorder-a", id);
                            assertThat(outcome.repeated()).isFalse();
                            assertThat(outcome.position()).isPositive();
                            acknowledged.add(id);
                            answered.put(id, List.of(outcome.version(), outcome.position()));
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();

            // then every income acknowledged is in the log and the command log once, and no refused payment is
            RecordedIncomes recorded = RecordedIncomes.read(url);
            assertThat(recorded.incomeEvents()).isEqualTo(acknowledged.size());
            acknowledged.forEach(id -> assertThat(recorded.events(id)).as(id).hasSize(1));
            assertThat(recorded.commandLogRows()).isEqualTo(acknowledged.size());
            // each answered with its own event's version and position, as its command-log row says too (a batch's
            // rows are written in one statement)
            assertThat(versionsAndPositions(url, """
                    SELECT payload::json->>'incomeId', sequence_number, global_index FROM domain_event_entry
                    WHERE payload_type LIKE '%IncomeRecorded'""")).isEqualTo(answered);
            assertThat(versionsAndPositions(url, """
                    SELECT substring(command_key from 'L-[0-9]+-[0-9]+$'), version, position FROM command_log
                    WHERE command_key LIKE 'RecordIncome:%'""")).isEqualTo(answered);
            assertThat(refused).hasSize(CLIENTS * COMMANDS_PER_CLIENT / 5);
            long incomesPerContract = acknowledged.size() / CONTRACTS;
            for (int c = 0; c < CONTRACTS; c++) {
                var contract = setup.get("auditor", "/api/v1/contracts/C-LANE-" + c).json();
                assertThat(contract.get("version").asLong()).isEqualTo(incomesPerContract);
                assertThat(contract.get("rewardPaid").asText()).isEqualTo("0.00");
            }

            // and commands did share commits, and batches with a refusal in them were undone and decided again
            MeterRegistry meters = node.bean(MeterRegistry.class);
            var batches = meters.get("ledger.commands.batch.size").summary();
            assertThat(batches.max()).as("largest batch").isGreaterThan(1);
            assertThat(batches.totalAmount()).as("commands committed in batches").isPositive();
            assertThat(meters.get("ledger.commands.batches.undone").counter().count()).isPositive();
            System.out.printf("command lanes: %d acknowledged, %d refused; %d batches of %.0f commands, largest %.0f, undone %.0f%n",
                    acknowledged.size(), refused.size(), batches.count(), batches.totalAmount(), batches.max(),
                    meters.get("ledger.commands.batches.undone").counter().count());
        }
    }

    private static Map<String, List<Long>> versionsAndPositions(String url, String sql) throws SQLException {
        Map<String, List<Long>> found = new HashMap<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                found.put(r.getString(1), List.of(r.getLong(2), r.getLong(3)));
            }
        }
        return found;
    }
}
