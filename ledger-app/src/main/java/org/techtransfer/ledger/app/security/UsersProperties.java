package org.techtransfer.ledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.techtransfer.ledger.approval.ApprovalLevel;

import java.util.List;

/**
 * The ledger's users. With {@code demoAccounts} on (the local default: embedded database, no
 * {@code prod} profile) the demo accounts of API.md are used; otherwise {@code users}, each with a
 * bcrypt hash, and at least one of them an ADMIN.
 */
@ConfigurationProperties("ledger.security")
public record UsersProperties(Boolean demoAccounts, List<ConfiguredUser> users) {

    /** @param approvalLevel an APPROVER's level (issue 23) */
    public record ConfiguredUser(String username, String passwordHash, Role role, String institutionId,
                                 ApprovalLevel approvalLevel) {
    }

    public List<ConfiguredUser> usersOrEmpty() {
        return users == null ? List.of() : users;
    }
}
