package org.techtransfer.ledger.app.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database share the segments of the read models' processor; when one stops, the other takes its
 * segments over and the read models keep up with commands sent to it.
 */
class SeveralNodesTest {

    private static final String[] FAST = {"--ledger.projections.balance-interval-ms=500",
            "--axon.eventhandling.tokenstore.claim-timeout=3s"};

    @Test
    void segments_are_shared_and_taken_over_when_a_node_stops() throws Exception {
        String url = TestDatabase.fresh();
        try (LedgerNode survivor = LedgerNode.start(url, FAST)) {
            LedgerNode leaving = LedgerNode.start(url, FAST);
            try {
                awaitTrue(Duration.ofSeconds(60), () -> held(survivor) == 2 && held(leaving) == 2);
            } finally {
                leaving.close();
            }
            awaitTrue(Duration.ofSeconds(60), () -> held(survivor) == 4);

            LedgerClient client = survivor.client();
            assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            assertThat(client.post("recorder-a", "/api/v1/contracts", Deals.contract("C-NODES", "DEMO-A", "LICENSE")).status()).isEqualTo(201);
            LedgerClient.Response income = client.post("recorder-a", "/api/v1/contracts/C-NODES/incomes",
                    Deals.income("I-1", "1000.00", "2026-03-15"));
            long position = income.json().get("position").asLong();
            LedgerClient.Response obligations = client.get("finance",
                    "/api/v1/rewards/obligations?institutionId=DEMO-A&position=" + position);
            assertThat(obligations.status()).as(obligations.toString()).isEqualTo(200);
            assertThat(obligations.json().get(0).get("requiredReward").asText()).isEqualTo("700.00");
        }
    }

    @Test
    void fair_shares_add_up_to_the_segments_and_leave_no_node_idle() {
        for (int segments : new int[]{4, 8}) {
            for (int nodes = 1; nodes <= 6; nodes++) {
                int total = 0;
                for (int rank = 0; rank < nodes; rank++) {
                    int share = SegmentBalancer.fairShare(segments, nodes, rank);
                    assertThat(share).as("share of node %d of %d in %d segments", rank, nodes, segments)
                            .isBetween(segments / nodes, segments / nodes + 1);
                    total += share;
                }
                assertThat(total).isEqualTo(segments);
            }
        }
        // 4 segments on 3 nodes: 2, 1, 1
        assertThat(List.of(SegmentBalancer.fairShare(4, 3, 0), SegmentBalancer.fairShare(4, 3, 1),
                SegmentBalancer.fairShare(4, 3, 2))).containsExactly(2, 1, 1);
    }

    /** Segments of the read models' processor that this node holds. */
    private static int held(LedgerNode node) {
        return node.bean(EventProcessingConfiguration.class)
                .eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().size()).orElse(0);
    }

    private static void awaitTrue(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + limit).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
