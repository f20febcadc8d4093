package org.techtransfer.ledger.app.backup;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.app.audit.ChainVerifier;
import org.techtransfer.ledger.app.database.DatabaseConfiguration;
import org.techtransfer.ledger.app.database.DatabaseProperties;
import org.techtransfer.ledger.app.database.EmbeddedServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar ledger-app.jar backup --file=F} and {@code restore --file=F}, without the service, on
 * {@code LEDGER_DB_URL} (with {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD}, and for a restore
 * {@code LEDGER_DB_MIGRATION_USER}, {@code LEDGER_DB_MIGRATION_PASSWORD}) or on the embedded database in
 * {@code LEDGER_DATA_DIR} (the local ledger stopped). A backup of an external database can be taken while
 * the service runs. A restore needs an empty data directory or database; it migrates the schema, inserts the
 * backup, verifies the audit chain against the digest taken at backup, and the next start rebuilds the read
 * models from the restored log. Exits 0 on success, 1 when the restore fails or does not verify, 2 on a usage error.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static int run(String[] args, Map<String, String> env) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String command = args[0];
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--file=") && args[i].length() > "--file=".length()) {
                file = Path.of(args[i].substring("--file=".length())).toAbsolutePath();
            } else {
                System.err.println(command + ": unknown option " + args[i]);
                return 2;
            }
        }
        if (file == null) {
            System.err.println("usage: " + command + " --file=PATH");
            return 2;
        }
        if (command.equals("restore") && (!Files.isRegularFile(file) || !Files.isRegularFile(LedgerBackup.Digest.fileOf(file)))) {
            System.err.println("restore: needs " + file + " and its digest " + LedgerBackup.Digest.fileOf(file));
            return 2;
        }
        LedgerBackup.Digest checked;
        try {
            // before anything is started or migrated: a file that does not match its digest changes nothing
            checked = command.equals("restore") ? LedgerBackup.checked(file) : null;
        } catch (Exception e) {
            System.err.println(command + ": " + e.getMessage());
            return 1;
        }
        DatabaseProperties database = new DatabaseProperties(env.get("LEDGER_DB_URL"), env.get("LEDGER_DB_USER"),
                env.get("LEDGER_DB_PASSWORD"), env.getOrDefault("LEDGER_DATA_DIR", "./data"), 2);
        try (EmbeddedServer embedded = database.embedded() ? EmbeddedServer.start(database.dataDir()) : null;
             HikariDataSource dataSource = DatabaseConfiguration.pool(database, embedded, 2)) {
            if (command.equals("backup")) {
                Files.createDirectories(file.getParent());
                LedgerBackup.Digest digest = LedgerBackup.backup(dataSource, file);
                System.out.println("backup: " + file + " " + digest.rows() + " chain head " + digest.chainPosition()
                        + " " + digest.chainHash() + "; digest in " + LedgerBackup.Digest.fileOf(file));
                return 0;
            }
            Flyway flyway = DatabaseConfiguration.migrations(database, embedded, env.get("LEDGER_DB_MIGRATION_USER"),
                    env.get("LEDGER_DB_MIGRATION_PASSWORD"));
            flyway.migrate();
            LedgerBackup.restore(dataSource, file, checked, flyway.info().current().getVersion().getVersion());
            ChainVerifier.Report report = new ChainVerifier(dataSource).verify(checked.chainHash() == null ? null
                    : new ChainVerifier.Digest(checked.chainPosition(), checked.chainHash(), null));
            boolean holds = report.valid() && !Boolean.FALSE.equals(report.digestMatches());
            System.out.println("restore: " + file + " " + checked.rows() + "; audit chain "
                    + (holds ? "verified against the digest at " + checked.chainPosition() : "DOES NOT HOLD: " + report.reason()));
            return holds ? 0 : 1;
        } catch (Exception e) {
            System.err.println(command + ": " + e.getMessage());
            return 1;
        }
    }
}
