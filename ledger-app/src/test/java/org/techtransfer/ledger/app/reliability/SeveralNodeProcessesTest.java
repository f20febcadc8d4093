package org.techtransfer.ledger.app.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.RecordedIncomes;
import org.techtransfer.ledger.app.support.ServiceProcess;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, several nodes: three service processes on one database, each on its own port. Each takes
 * commands; the read models' segments are shared out between them (as {@code token_entry} shows); one
 * is killed with SIGKILL under load and the two others take its segments over; clients that lost their
 * answer send again through another node; every income is recorded and projected exactly once.
 */
@Tag("reliability")
class SeveralNodeProcessesTest {

    private static final String[] FAST = {"--ledger.projections.balance-interval-ms=500",
            "--axon.eventhandling.tokenstore.claim-timeout=3s"};
    private static final List<String> CONTRACTS = List.of("C-NODE-1", "C-NODE-2", "C-NODE-3", "C-NODE-4", "C-NODE-5", "C-NODE-6");
    /** The segments of the one processor that feeds every read model. */
    private static final int SEGMENTS = 4;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

    @Test
    void three_nodes_share_the_work_and_two_take_over_from_a_killed_one() {
        String url = TestDatabase.fresh();
        List<ServiceProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(ServiceProcess.start(url, FAST));
            }
            ServiceProcess first = nodes.get(0);
            ServiceProcess killed = nodes.get(2);
            created(first.client().post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")));
            for (int i = 0; i < CONTRACTS.size(); i++) {
                // each node takes commands
                created(nodes.get(i % 3).client().post("recorder-a", "/api/v1/contracts",
                        Deals.contract(CONTRACTS.get(i), "DEMO-A", "LICENSE")));
            }
            awaitOwners(url, owners -> owners.size() == SEGMENTS && everyNodeOwnsSome(owners, nodes));
            Map<String, Long> shared = segmentsPerNode(url, nodes);

            // given clients spread over the three nodes
            IncomeLoad load = new IncomeLoad(CONTRACTS, "I");
            List<LedgerClient> targets = new CopyOnWriteArrayList<>(nodes.stream().map(ServiceProcess::client).toList());
            IncomeLoad.Running clients = load.start(6, n -> targets.get(Math.floorMod(n + (int) Thread.currentThread().getId(), targets.size())));
            ServiceProcess.sleep(3_000);

            // when one node is killed, its clients go on through the others
            targets.remove(2);
            Set<String> survivors = Set.of(pidPrefix(nodes.get(0)), pidPrefix(nodes.get(1)));
            long killedPid = killed.pid();
            killed.kill();
            Duration takeover = awaitOwners(url, owners -> owners.size() == SEGMENTS
                    && owners.values().stream().allMatch(o -> survivors.stream().anyMatch(o::startsWith)));
            ServiceProcess.sleep(2_000);
            clients.stop();
            load.retryUncertain(nodes.get(1).client());

            // then every acknowledged income is recorded once and projected once, on both surviving nodes alike
            assertThat(load.unexpected()).as("answers other than 200, 201, 503").isEmpty();
            Map<String, IncomeLoad.Acknowledged> acknowledged = load.acknowledged();
            RecordedIncomes recorded = RecordedIncomes.read(url);
            AcknowledgedIncomes.recordedOnce(acknowledged, recorded);
            long lastPosition = acknowledged.values().stream().mapToLong(IncomeLoad.Acknowledged::position).max().orElseThrow();
            Map<String, String> live = AcknowledgedIncomes.agreeWithContractsAndObligations(first.client(), acknowledged, lastPosition);
            assertThat(ReadModels.awaitCaughtUp(nodes.get(1).client(), lastPosition)).isEqualTo(live);

            // and the killed node, started again, gets its share back
            Duration restart = killed.restart();
            awaitOwners(url, owners -> owners.size() == SEGMENTS && everyNodeOwnsSome(owners, nodes));
            Map<String, Long> rejoined = segmentsPerNode(url, nodes);

            // and the read models built by three nodes, one killed, equal a rebuild from the log, which needs
            // the other nodes' segments free (docs/operations.md, "Replay")
            nodes.get(1).close();
            killed.close();
            assertThat(ReadModels.rebuild(first.client(), first::log, lastPosition)).isEqualTo(live);

            System.out.printf("reliability nodes: nodes=3 segments before the kill %s; killed pid %s; takeover=%dms; "
                            + "acknowledged=%d recorded=%d commandLog=%d retried=%d; rejoin: restart=%dms shares %s%n",
                    shared.values(), killedPid, takeover.toMillis(), acknowledged.size(), recorded.incomeEvents(),
                    recorded.commandLogRows(), acknowledged.values().stream().filter(a -> a.status() == 200).count(),
                    restart.toMillis(), rejoined.values());
        } finally {
            nodes.forEach(ServiceProcess::close);
        }
    }

    /** Owner of each claimed segment ({@code processor/segment}), as the token store has it. */
    private static Map<String, String> owners(String url) {
        Map<String, String> owners = new HashMap<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT processor_name, segment, owner FROM token_entry WHERE owner IS NOT NULL")) {
            while (r.next()) {
                owners.put(r.getString(1) + "/" + r.getInt(2), r.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    private static Duration awaitOwners(String url, Predicate<Map<String, String>> condition) {
        long started = System.nanoTime();
        Map<String, String> owners = owners(url);
        while (!condition.test(owners)) {
            assertThat(System.nanoTime() - started).as("segment owners " + owners).isLessThan(TAKEOVER_LIMIT.toNanos());
            ServiceProcess.sleep(200);
            owners = owners(url);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Axon names a node by its JVM, {@code pid@host}. */
    private static String pidPrefix(ServiceProcess node) {
        return node.pid() + "@";
    }

    private static boolean everyNodeOwnsSome(Map<String, String> owners, List<ServiceProcess> nodes) {
        return nodes.stream().allMatch(n -> owners.values().stream().anyMatch(o -> o.startsWith(pidPrefix(n))));
    }

    private static Map<String, Long> segmentsPerNode(String url, List<ServiceProcess> nodes) {
        Map<String, String> owners = owners(url);
        return nodes.stream().collect(Collectors.toMap(n -> String.valueOf(n.pid()),
                n -> owners.values().stream().filter(o -> o.startsWith(pidPrefix(n))).count(), (a, b) -> a, java.util.TreeMap::new));
    }

    private static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
