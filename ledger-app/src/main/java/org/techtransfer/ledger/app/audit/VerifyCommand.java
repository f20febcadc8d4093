package org.techtransfer.ledger.app.audit;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.app.database.DatabaseConfiguration;
import org.techtransfer.ledger.app.database.DatabaseProperties;
import org.techtransfer.ledger.app.database.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar ledger-app.jar verify [--digest-position=N --digest-hash=H]}: verifies the hash chain
 * of a ledger's database without starting the service, for an auditor who trusts neither. Uses
 * {@code LEDGER_DB_URL} (with {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD}) or the embedded
 * database in {@code LEDGER_DATA_DIR} (the service must be stopped then). Prints the report as JSON;
 * exits 0 when the chain holds (and matches the digest), 1 when it does not, 2 on a usage error.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        // the report is the only output on stdout, so that it can be piped; the database's chatter is not wanted
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                System.err.println("usage: verify [--digest-position=N --digest-hash=H]");
                return 2;
            }
            if (!kv[0].equals("digest-position") && !kv[0].equals("digest-hash")) {
                System.err.println("verify: unknown option --" + kv[0]);
                return 2;
            }
            options.put(kv[0], kv[1]);
        }
        ChainVerifier.Digest digest = null;
        if (options.containsKey("digest-position") || options.containsKey("digest-hash")) {
            try {
                digest = new ChainVerifier.Digest(Long.parseLong(options.get("digest-position")),
                        options.get("digest-hash").toLowerCase(), null);
                if (!digest.hash().matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("not a SHA-256 hash");
                }
            } catch (RuntimeException e) {
                System.err.println("a digest needs --digest-position=N and --digest-hash=H (64 hexadecimal digits)");
                return 2;
            }
        }
        DatabaseProperties database = new DatabaseProperties(System.getenv("LEDGER_DB_URL"),
                System.getenv("LEDGER_DB_USER"), System.getenv("LEDGER_DB_PASSWORD"),
                System.getenv().getOrDefault("LEDGER_DATA_DIR", "./data"), 2);
        try (EmbeddedServer embedded = database.embedded() ? EmbeddedServer.start(database.dataDir()) : null;
             HikariDataSource dataSource = DatabaseConfiguration.pool(database, embedded, 2)) {
            ChainVerifier.Report report = new ChainVerifier(dataSource).verify(digest);
            System.out.println(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report));
            boolean holds = report.valid() && !Boolean.FALSE.equals(report.digestMatches());
            System.err.println(holds ? "verify: the chain holds" : "verify: THE CHAIN DOES NOT HOLD");
            return holds ? 0 : 1;
        } catch (Exception e) {
            System.err.println("verify: " + e.getMessage());
            return 2;
        }
    }
}
