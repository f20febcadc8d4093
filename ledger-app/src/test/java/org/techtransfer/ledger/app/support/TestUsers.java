package org.techtransfer.ledger.app.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.List;

/**
 * The users of tests that run on a given database (where the demo accounts are refused): configured
 * as production would configure them, with bcrypt hashes, and the same names as the demo accounts.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password";

    /** @param approvalLevel an approver's level (issue 23), null for the other roles */
    public record TestUser(String username, String role, String institutionId, String approvalLevel) {

        TestUser(String username, String role, String institutionId) {
            this(username, role, institutionId, null);
        }
    }

    public static final TestUser ADMIN = new TestUser("admin", "ADMIN", null);
    public static final TestUser RECORDER_A = new TestUser("recorder-a", "RECORDER", "DEMO-A");
    public static final TestUser RECORDER_B = new TestUser("recorder-b", "RECORDER", "DEMO-B");
    public static final TestUser AUDITOR = new TestUser("auditor", "AUDITOR", null);
    public static final TestUser FINANCE = new TestUser("finance", "FINANCE", null);
    public static final TestUser APPROVER_OFFICE = new TestUser("approver-office", "APPROVER", "DEMO-A", "RESEARCH_OFFICE");
    public static final TestUser APPROVER_VP = new TestUser("approver-vp", "APPROVER", "DEMO-A", "VICE_PRESIDENT");
    public static final List<TestUser> ALL = List.of(ADMIN, RECORDER_A, RECORDER_B, AUDITOR, FINANCE, APPROVER_OFFICE,
            APPROVER_VP);

    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private TestUsers() {
    }

    /** Points the ledger at a fresh database with the test users. */
    public static void register(DynamicPropertyRegistry registry, String databaseUrl) {
        registry.add("ledger.db.url", () -> databaseUrl);
        for (int i = 0; i < ALL.size(); i++) {
            TestUser user = ALL.get(i);
            String prefix = "ledger.security.users[" + i + "].";
            registry.add(prefix + "username", user::username);
            registry.add(prefix + "password-hash", () -> HASH);
            registry.add(prefix + "role", user::role);
            if (user.institutionId() != null) {
                registry.add(prefix + "institution-id", user::institutionId);
            }
            if (user.approvalLevel() != null) {
                registry.add(prefix + "approval-level", user::approvalLevel);
            }
        }
    }

    /** The same settings as command-line arguments, for tests that start the application themselves. */
    public static String[] arguments(String databaseUrl, int port) {
        return arguments(List.of("--ledger.db.url=" + databaseUrl, "--server.port=" + port));
    }

    /** For a local ledger on its embedded database in {@code dataDir}: the test users instead of the demo accounts. */
    public static String[] embeddedArguments(java.nio.file.Path dataDir, int port) {
        return arguments(List.of("--ledger.db.data-dir=" + dataDir, "--ledger.security.demo-accounts=false",
                "--server.port=" + port));
    }

    private static String[] arguments(List<String> database) {
        List<String> args = new java.util.ArrayList<>(database);
        for (int i = 0; i < ALL.size(); i++) {
            TestUser user = ALL.get(i);
            String prefix = "--ledger.security.users[" + i + "].";
            args.add(prefix + "username=" + user.username());
            args.add(prefix + "password-hash=" + HASH);
            args.add(prefix + "role=" + user.role());
            if (user.institutionId() != null) {
                args.add(prefix + "institution-id=" + user.institutionId());
            }
            if (user.approvalLevel() != null) {
                args.add(prefix + "approval-level=" + user.approvalLevel());
            }
        }
        return args.toArray(String[]::new);
    }
}
