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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar ledger-app.jar verify [--digest-position=N --digest-hash=H] [--checkpoint=FILE] [--public-key=KEY]}:
 * the verdict of {@code GET /audit/verify} on a ledger's database without starting the service, for an auditor
 * who trusts neither. Uses {@code LEDGER_DB_URL} (with {@code LEDGER_DB_USER}, {@code LEDGER_DB_PASSWORD}) or the
 * embedded database in {@code LEDGER_DATA_DIR} (the service must be stopped then). The checkpoints' signatures are
 * checked with {@code --public-key} (the verifier key, or a file holding it) or else the ledger's own key when
 * this machine has it. Prints the report as JSON; exits 0 when valid, 1 when not, 2 on a usage error.
 */
public final class VerifyCommand {

    private static final Set<String> OPTIONS = Set.of("digest-position", "digest-hash", "checkpoint", "public-key");

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        // the report is the only output on stdout, so that it can be piped; the database's chatter is not wanted
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                System.err.println("usage: verify [--digest-position=N --digest-hash=H] [--checkpoint=FILE] [--public-key=KEY]");
                return 2;
            }
            if (!OPTIONS.contains(kv[0])) {
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
        String checkpoint;
        String publicKey;
        try {
            checkpoint = options.containsKey("checkpoint")
                    ? Files.readString(Path.of(options.get("checkpoint")), StandardCharsets.UTF_8) : null;
            publicKey = options.containsKey("public-key") ? keyText(options.get("public-key")) : ownKey();
        } catch (IOException | RuntimeException e) {
            System.err.println("verify: " + e.getMessage());
            return 2;
        }
        DatabaseProperties database = new DatabaseProperties(System.getenv("LEDGER_DB_URL"),
                System.getenv("LEDGER_DB_USER"), System.getenv("LEDGER_DB_PASSWORD"), dataDir(), 2);
        try (EmbeddedServer embedded = database.embedded() ? EmbeddedServer.start(database.dataDir()) : null;
             HikariDataSource dataSource = DatabaseConfiguration.pool(database, embedded, 2)) {
            ChainVerifier.Report report = new ChainVerifier(dataSource, publicKey).verify(digest, checkpoint);
            System.out.println(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report));
            System.err.println(verdict(report));
            return report.valid() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("verify: " + e.getMessage());
            return 2;
        }
    }

    /** The verdict in one line, the report's own reason when not valid. */
    static String verdict(ChainVerifier.Report report) {
        if (!report.valid()) {
            return "verify: NOT VALID: " + report.reason();
        }
        return "verify: valid: the log, its chain and its tree hold" + (report.checkpointsValid() == null
                ? " (the checkpoints' signatures not checked: no public key)" : ", and its checkpoints");
    }

    /** A verifier key given as such, or as a file that holds it. */
    private static String keyText(String given) throws IOException {
        Path file = Path.of(given);
        return (!given.contains("+") && Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII) : given).strip();
    }

    /** The ledger's own key where this machine has it (as the service finds it), else none. */
    private static String ownKey() {
        String configured = System.getenv().getOrDefault("LEDGER_AUDIT_SIGNING_KEY", "");
        Path file = configured.isBlank() ? Path.of(dataDir(), AuditKey.DEFAULT_FILE) : Path.of(configured);
        if (!Files.isReadable(file)) {
            return null;
        }
        String origin = System.getenv().getOrDefault("LEDGER_AUDIT_ORIGIN", AuditKey.DEFAULT_ORIGIN);
        return SignedNote.verifierKey(origin, AuditKey.load(file).getPublic());
    }

    private static String dataDir() {
        return System.getenv().getOrDefault("LEDGER_DATA_DIR", "./data");
    }
}
