package org.techtransfer.ledger.app.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.techtransfer.ledger.approval.ApprovalLevel;

import java.util.List;

/**
 * A person signed in to the ledger: one role, for a recorder the institution it records for, for an approver
 * the institution and the level it approves at.
 */
public class LedgerUser extends User {

    private final Role role;
    private final String institutionId;
    private final ApprovalLevel approvalLevel;

    public LedgerUser(String username, String passwordHash, Role role, String institutionId) {
        this(username, passwordHash, role, institutionId, null);
    }

    public LedgerUser(String username, String passwordHash, Role role, String institutionId,
                      ApprovalLevel approvalLevel) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.institutionId = institutionId;
        this.approvalLevel = approvalLevel;
    }

    /** The level an approver approves at; {@code null} for the other roles. */
    public ApprovalLevel approvalLevel() {
        return approvalLevel;
    }

    public Role role() {
        return role;
    }

    /** The recorder's or approver's institution; {@code null} for the other roles. */
    public String institutionId() {
        return institutionId;
    }

    /** Whether this user may see and change the contracts sold by {@code sellerInstitutionId}. */
    public boolean mayRecordFor(String sellerInstitutionId) {
        return role == Role.ADMIN || (role == Role.RECORDER && sellerInstitutionId.equals(institutionId));
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
