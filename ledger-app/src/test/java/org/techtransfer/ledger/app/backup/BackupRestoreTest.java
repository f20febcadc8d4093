package org.techtransfer.ledger.app.backup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.ServiceProcess;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, backup and restore: a backup taken while clients record incomes is restored into an empty database;
 * the restored log is the backed-up one byte for byte, its audit chain verifies against the digest taken at
 * backup, the restored ledger's read models (rebuilt from the log at its first start) equal a replay, and a
 * command recorded before the backup is answered as a repeat. A restore into a database that holds a ledger,
 * or of a file that does not match its digest, is refused and changes nothing.
 */
class BackupRestoreTest {

    private static final String EVENTS_DIGEST = "SELECT count(*), md5(coalesce(string_agg(global_index || '|' || event_identifier || '|' "
            + "|| aggregate_identifier || '|' || sequence_number || '|' || time_stamp || '|' || payload_type || '|' "
            + "|| coalesce(payload_revision, '') || '|' || payload || '|' || coalesce(meta_data, ''), E'\\n' ORDER BY global_index), '')) "
            + "FROM domain_event_entry WHERE %s";

    @Test
    void a_backup_taken_under_load_restores_into_an_empty_database(@TempDir Path dir) throws Exception {
        String source = TestDatabase.fresh();
        Path file = dir.resolve("ledger.ndjson.gz");
        IncomeLoad load = new IncomeLoad(List.of("C-B-1", "C-B-2"), "B");
        LedgerBackup.Digest digest;
        try (ServiceProcess service = ServiceProcess.start(source, "--ledger.audit.interval-ms=50")) {
            LedgerClient client = service.client();
            assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
            for (String id : List.of("C-B-1", "C-B-2")) {
                assertThat(client.post("recorder-a", "/api/v1/contracts", Deals.contract(id, "DEMO-A", "LICENSE")).status()).isEqualTo(201);
            }
            IncomeLoad.Running clients = load.start(4, n -> client);
            ServiceProcess.sleep(2_000);
            assertThat(BackupCommand.run(new String[]{"backup", "--file=" + file}, Map.of("LEDGER_DB_URL", source))).isZero();
            ServiceProcess.sleep(500);
            clients.stop();
            digest = LedgerBackup.Digest.read(file);
        }
        long events = digest.rows().get("domain_event_entry");
        assertThat(events).as("events in the backup").isGreaterThan(3);
        assertThat(digest.chainPosition()).as("sealed when the backup was taken").isPositive();
        // taken under load: the snapshot's last event is some way into the log, which went on growing
        long lastInBackup;
        String target = TestDatabase.fresh();
        assertThat(BackupCommand.run(new String[]{"restore", "--file=" + file}, Map.of("LEDGER_DB_URL", target))).isZero();
        try (Connection c = TestDatabase.connect(target); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT max(global_index), count(*) FROM domain_event_entry")) {
            r.next();
            lastInBackup = r.getLong(1);
            assertThat(r.getLong(2)).isEqualTo(events);
        }
        // a command whose global index was drawn before the backup's snapshot may commit after it: the source can then
        // hold events below the backup's last one that the backup rightly lacks. The restored events are the source's,
        // row for row, and the sealed prefix is whole.
        String held = query(target, "SELECT coalesce(string_agg(global_index::text, ',' ORDER BY global_index), '') FROM domain_event_entry");
        String inBackup = EVENTS_DIGEST.formatted("global_index = ANY('{" + held + "}'::bigint[])");
        assertThat(query(target, inBackup)).as("restored log versus the same events of the original").isEqualTo(query(source, inBackup));
        assertThat(query(target, EVENTS_DIGEST.formatted("global_index <= " + digest.chainPosition())))
                .as("the sealed prefix, restored versus the original")
                .isEqualTo(query(source, EVENTS_DIGEST.formatted("global_index <= " + digest.chainPosition())));
        assertThat(query(source, "SELECT count(*) FROM domain_event_entry")).as("the source went on after the backup")
                .isNotEqualTo(query(target, "SELECT count(*) FROM domain_event_entry"));

        try (ServiceProcess restored = ServiceProcess.start(target)) {
            LedgerClient client = restored.client();
            Map<String, String> live = ReadModels.awaitCaughtUp(client, lastInBackup);
            assertThat(ReadModels.rebuild(client, restored::log, lastInBackup)).as("read models rebuilt at the start versus a replay")
                    .isEqualTo(live);
            JsonNode verify = client.get("auditor", "/api/v1/audit/verify").json();
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
            JsonNode contract = client.get("auditor", "/api/v1/contracts/C-B-1").json();
            assertThat(contract.get("version").asLong()).isPositive();
            // a command in the restored command log is answered as the repeat it is
            IncomeLoad.Acknowledged recorded = load.acknowledged().values().stream()
                    .filter(a -> a.position() <= lastInBackup).findFirst().orElseThrow();
            IncomeLoad again = new IncomeLoad(List.of(recorded.income().contractId()), "unused");
            again.send(client, recorded.income());
            assertThat(again.acknowledged().get(recorded.income().incomeId()).status()).isEqualTo(200);
        }

        // a second restore into the restored ledger is refused, and changes nothing
        String before = query(target, EVENTS_DIGEST.formatted("true"));
        assertThat(BackupCommand.run(new String[]{"restore", "--file=" + file}, Map.of("LEDGER_DB_URL", target))).isEqualTo(1);
        assertThat(query(target, EVENTS_DIGEST.formatted("true"))).isEqualTo(before);

        // a file changed after the backup is refused before anything is touched
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Path tampered = dir.resolve("tampered.ndjson.gz");
        Files.write(tampered, bytes);
        Files.copy(LedgerBackup.Digest.fileOf(file), LedgerBackup.Digest.fileOf(tampered));
        String empty = TestDatabase.fresh();
        assertThat(BackupCommand.run(new String[]{"restore", "--file=" + tampered}, Map.of("LEDGER_DB_URL", empty))).isEqualTo(1);
        assertThat(query(empty, "SELECT to_regclass('domain_event_entry') IS NULL")).as("no table created").isEqualTo("t");
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "," : "").append(r.getString(i));
            }
            return row.toString();
        }
    }
}
