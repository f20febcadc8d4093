package org.techtransfer.ledger.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.techtransfer.ledger.app.database.DatabaseProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who may sign in: the demo accounts on a local ledger, configured users with bcrypt hashes anywhere else. */
@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UserConfiguration.class);

    /** API.md's demo accounts: username → password. */
    static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "admin", "admin-demo",
            "recorder-a", "recorder-demo",
            "recorder-b", "recorder-demo",
            "auditor", "auditor-demo",
            "finance", "finance-demo",
            "approver-office", "approver-demo",
            "approver-vp", "approver-demo");

    @Bean
    BCryptPasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(LedgerUsers users, BCryptPasswordEncoder encoder, Clock clock,
                                                @Value("${ledger.security.sign-in-cache:PT5M}") Duration ttl) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new ProviderManager(new RecentSignIns(bcrypt, ttl, clock));
    }

    @Bean
    LedgerUsers users(UsersProperties properties, DatabaseProperties database, Environment environment,
                                     BCryptPasswordEncoder encoder) {
        boolean local = database.embedded() && !environment.acceptsProfiles(Profiles.of("prod"));
        boolean demo = properties.demoAccounts() == null ? local : properties.demoAccounts();
        if (demo && !local) {
            throw new IllegalStateException("demo accounts are refused with an external database or the prod profile:"
                    + " configure ledger.security.users with bcrypt password hashes");
        }
        List<LedgerUser> users = new ArrayList<>();
        if (demo) {
            // cost 4: these passwords are public anyway, and every request checks one
            BCryptPasswordEncoder demoEncoder = new BCryptPasswordEncoder(4);
            users.add(new LedgerUser("admin", demoEncoder.encode("admin-demo"), Role.ADMIN, null));
            users.add(new LedgerUser("recorder-a", demoEncoder.encode("recorder-demo"), Role.RECORDER, "DEMO-A"));
            users.add(new LedgerUser("recorder-b", demoEncoder.encode("recorder-demo"), Role.RECORDER, "DEMO-B"));
            users.add(new LedgerUser("auditor", demoEncoder.encode("auditor-demo"), Role.AUDITOR, null));
            users.add(new LedgerUser("finance", demoEncoder.encode("finance-demo"), Role.FINANCE, null));
            users.add(new LedgerUser("approver-office", demoEncoder.encode("approver-demo"), Role.APPROVER, "DEMO-A",
                    ApprovalLevel.RESEARCH_OFFICE));
            users.add(new LedgerUser("approver-vp", demoEncoder.encode("approver-demo"), Role.APPROVER, "DEMO-A",
                    ApprovalLevel.VICE_PRESIDENT));
            log.warn("demo accounts are active (local ledger on its embedded database): never expose this ledger");
        }
        for (UsersProperties.ConfiguredUser user : properties.usersOrEmpty()) {
            users.add(configured(user, demo, encoder));
        }
        if (users.stream().noneMatch(u -> u.role() == Role.ADMIN)) {
            throw new IllegalStateException("no ADMIN user is configured (ledger.security.users): the ledger will not start without one");
        }
        return new LedgerUsers(users);
    }

    private static LedgerUser configured(UsersProperties.ConfiguredUser user, boolean demo, BCryptPasswordEncoder encoder) {
        if (user.username() == null || user.username().isBlank() || user.role() == null) {
            throw new IllegalStateException("every configured user needs a username and a role");
        }
        String hash = user.passwordHash();
        if (hash == null || !hash.matches("^\\$2[aby]?\\$\\d{2}\\$.{53}$")) {
            throw new IllegalStateException("user " + user.username() + ": password-hash must be a bcrypt hash");
        }
        if ((user.role() == Role.RECORDER || user.role() == Role.APPROVER)
                && (user.institutionId() == null || user.institutionId().isBlank())) {
            throw new IllegalStateException("user " + user.username() + ": a " + user.role() + " needs an institution-id");
        }
        if (user.role() == Role.APPROVER && user.approvalLevel() == null) {
            throw new IllegalStateException("user " + user.username() + ": an APPROVER needs an approval-level");
        }
        String demoPassword = DEMO_PASSWORDS.get(user.username());
        if (!demo && demoPassword != null && encoder.matches(demoPassword, hash)) {
            throw new IllegalStateException("user " + user.username() + " has its demo password: refused outside a local ledger");
        }
        boolean scoped = user.role() == Role.RECORDER || user.role() == Role.APPROVER;
        return new LedgerUser(user.username(), hash, user.role(), scoped ? user.institutionId() : null,
                user.role() == Role.APPROVER ? user.approvalLevel() : null);
    }
}
