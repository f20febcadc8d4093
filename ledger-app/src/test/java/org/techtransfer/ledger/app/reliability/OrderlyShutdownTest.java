package org.techtransfer.ledger.app.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techtransfer.ledger.app.database.EmbeddedServer;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, orderly shutdown: a local ledger stopped with SIGTERM in the middle of a load finishes what it
 * took, stops its processors, seals the audit chain and stops its PostgreSQL, in that order: exit status 0,
 * nothing logged at WARN or ERROR and no stack trace from the signal on, every event sealed (the sealer's
 * interval is set beyond the run, so only the seal at shutdown can have sealed them), and the data directory
 * free for the next start.
 */
class OrderlyShutdownTest {

    @Test
    void sigterm_stops_a_local_ledger_in_order_and_quietly(@TempDir Path dataDir) throws Exception {
        ServiceProcess service = ServiceProcess.startEmbedded(dataDir, "--ledger.audit.interval-ms=3600000");
        LedgerClient client = service.client();
        assertThat(client.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")).status()).isEqualTo(201);
        assertThat(client.post("recorder-a", "/api/v1/contracts", Deals.contract("C-STOP", "DEMO-A", "LICENSE")).status()).isEqualTo(201);
        IncomeLoad load = new IncomeLoad(List.of("C-STOP"), "S");
        IncomeLoad.Running clients = load.start(4, n -> client);
        ServiceProcess.sleep(1_500);

        int logBefore = service.log().length();
        int exit = service.terminate();
        String shutdownLog = service.log().substring(logBefore);
        clients.stop();
        service.close();

        assertThat(exit).as("exit status on SIGTERM:\n" + shutdownLog).isZero();
        assertThat(shutdownLog.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("\tat ")
                || l.startsWith("Caused by")).toList()).as("warnings, errors and stack traces after SIGTERM").isEmpty();
        assertThat(load.acknowledged()).isNotEmpty();
        assertThat(dataDir.resolve("pg").resolve("postmaster.pid")).as("PostgreSQL stopped").doesNotExist();

        try (EmbeddedServer embedded = EmbeddedServer.start(dataDir.toString());
             Connection c = DriverManager.getConnection(embedded.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT max(global_index) FROM domain_event_entry), "
                     + "(SELECT max(global_index) FROM audit_chain), (SELECT count(*) FROM domain_event_entry)")) {
            r.next();
            assertThat(r.getLong(3)).as("events recorded").isEqualTo(2 + load.acknowledged().size());
            assertThat(r.getLong(2)).as("last event sealed at shutdown").isEqualTo(r.getLong(1));
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"))).isFalse();
    }
}
