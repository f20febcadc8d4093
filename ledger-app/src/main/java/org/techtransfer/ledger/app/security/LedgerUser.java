package org.techtransfer.ledger.app.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A person signed in to the ledger: one role, and for a recorder the institution it records for. */
public class LedgerUser extends User {

    private final Role role;
    private final String institutionId;

    public LedgerUser(String username, String passwordHash, Role role, String institutionId) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.institutionId = institutionId;
    }

    public Role role() {
        return role;
    }

    /** The recorder's institution; {@code null} for the other roles. */
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
