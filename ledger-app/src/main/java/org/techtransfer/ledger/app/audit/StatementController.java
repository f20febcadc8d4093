package org.techtransfer.ledger.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.contract.ContractView;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.ReadModelBehind;
import org.techtransfer.ledger.contract.ContractState;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A contract's verifiable statement: its figures, the events they are computed from with every stored field, each
 * event's inclusion proof, and the signed checkpoint the proofs lead to. Whoever holds the ledger's public key can
 * check it with no database and no service ({@code verify-statement}, docs/audit.md).
 */
@RestController
public class StatementController {

    /** One event of the statement: the stored row as the chain and the tree hash it, its leaf and its audit path. */
    public record StatementEvent(long position, String eventId, String aggregateType, String aggregate, long sequence,
                                 String recordedAt, String payloadType, String payloadRevision, String payload,
                                 String metaData, long leafIndex, String leafHash, List<String> auditPath) {
    }

    /**
     * @param asOf       the instant asked for, or null for the contract as the checkpoint covers it
     * @param contract   the figures, computed from {@code events} as {@code GET /contracts/{id}} computes them
     * @param checkpoint the signed checkpoint every event's proof leads to
     */
    public record ContractStatement(String contractId, Instant asOf, ContractView contract, List<StatementEvent> events,
                                    CheckpointStore.AuditCheckpoint checkpoint) {
    }

    /** How long a statement waits for the contract's newest events to be sealed and in a checkpoint. */
    private static final long WAIT_MILLIS = 10_000;

    private final ContractReader reader;
    private final JdbcTemplate jdbc;
    private final TreeStore tree;
    private final CheckpointStore checkpoints;
    private final Clock clock;

    StatementController(ContractReader reader, JdbcTemplate jdbc, Clock clock) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.tree = new TreeStore(jdbc);
        this.checkpoints = new CheckpointStore(jdbc);
        this.clock = clock;
    }

    @GetMapping("/api/v1/contracts/{id}/statement")
    @Operation(summary = "The contract's verifiable statement: figures, events, inclusion proofs and the signed "
            + "checkpoint (AUDITOR, ADMIN, RECORDER of its institution; asOf: AUDITOR, ADMIN)")
    public ContractStatement statement(@PathVariable String id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                       @Parameter(description = "The contract as it stood at this instant (ISO-8601): only "
                                               + "events recorded up to it. AUDITOR and ADMIN only.") Instant asOf) {
        String seller = reader.sellerOf(id).orElseThrow(() -> new NotFound("no contract '" + id + "'"));
        Access.requireReaderOf(seller);
        if (asOf == null) {
            Access.requireRole(Role.AUDITOR, Role.ADMIN, Role.RECORDER);
        } else {
            Access.requireRole(Role.AUDITOR, Role.ADMIN);
        }
        List<Row> rows = sealedRows(id, asOf);
        if (rows.isEmpty()) {
            throw new NotFound("no contract '" + id + "' as of " + asOf);
        }
        long lastLeaf = rows.get(rows.size() - 1).leafIndex();
        CheckpointStore.AuditCheckpoint checkpoint = awaitCheckpoint(lastLeaf + 1, rows.get(rows.size() - 1).event().globalIndex());

        List<StatementEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            LoggedEvent e = row.event();
            events.add(new StatementEvent(e.globalIndex(), e.eventIdentifier(), e.type(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.timeStamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(),
                    row.leafIndex(), HEX.formatHex(row.leafHash()),
                    tree.inclusion(row.leafIndex(), checkpoint.treeSize()).stream().map(HEX::formatHex).toList()));
        }
        // the figures of exactly these events, folded as the contract's own reads fold them
        ContractState state = new ContractState();
        List<DomainEventMessage<?>> messages = reader.eventsFrom(id, 0);
        for (DomainEventMessage<?> message : messages.subList(0, rows.size())) {
            state.evolve(message.getPayload());
        }
        LocalDate today = asOf == null ? LocalDate.now(clock) : LocalDate.ofInstant(asOf, clock.getZone());
        return new ContractStatement(id, asOf, ContractView.of(state, today, asOf), events, checkpoint);
    }

    private record Row(LoggedEvent event, long leafIndex, byte[] leafHash) {
    }

    private static final HexFormat HEX = HexFormat.of();

    /** The contract's events up to {@code asOf} (all when null), waiting a while for the newest to be sealed. */
    private List<Row> sealedRows(String id, Instant asOf) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<Row> rows = new ArrayList<>();
            boolean[] unsealed = {false};
            jdbc.query("SELECT e.*, t.node_index AS leaf_index, t.hash AS leaf_hash FROM domain_event_entry e "
                    + "LEFT JOIN audit_tree t ON t.level = 0 AND t.global_index = e.global_index "
                    + "WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number", rs -> {
                LoggedEvent event = LoggedEvent.read(rs);
                if (unsealed[0] || asOf != null && Instant.parse(event.timeStamp()).isAfter(asOf)) {
                    return;
                }
                long leaf = rs.getLong("leaf_index");
                if (rs.wasNull()) {
                    unsealed[0] = true;
                    return;
                }
                rows.add(new Row(event, leaf, rs.getBytes("leaf_hash")));
            }, id);
            if (!rows.isEmpty() && !rows.get(0).event().payloadType().endsWith(".ContractRegistered")) {
                return List.of(); // an institution's id
            }
            if (!unsealed[0]) {
                return rows;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ReadModelBehind("audit-tree", rows.isEmpty() ? 0 : rows.get(rows.size() - 1).event().globalIndex() + 1);
            }
            pause();
        }
    }

    private CheckpointStore.AuditCheckpoint awaitCheckpoint(long leaves, long position) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            CheckpointStore.AuditCheckpoint checkpoint = checkpoints.covering(leaves);
            if (checkpoint != null) {
                return checkpoint;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ReadModelBehind("audit-checkpoint", position);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
