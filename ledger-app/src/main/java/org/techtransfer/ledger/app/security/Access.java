package org.techtransfer.ledger.app.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The checks that depend on what is asked for, not only on the role: a recorder's institution scope. */
public final class Access {

    private Access() {
    }

    public static LedgerUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof LedgerUser user)) {
            throw new AccessDeniedException("not signed in");
        }
        return user;
    }

    /** Commands: ADMIN anywhere, a RECORDER only for its own institution. */
    public static LedgerUser requireRecorderFor(String sellerInstitutionId) {
        LedgerUser user = currentUser();
        if (!user.mayRecordFor(sellerInstitutionId)) {
            throw new AccessDeniedException("you may not record for institution " + sellerInstitutionId);
        }
        return user;
    }

    /** Reads of one contract: every role, but a RECORDER or an APPROVER only for its own institution. */
    public static LedgerUser requireReaderOf(String sellerInstitutionId) {
        LedgerUser user = currentUser();
        if (isScoped(user) && !sellerInstitutionId.equals(user.institutionId())) {
            throw new AccessDeniedException("you may not read the contracts of institution " + sellerInstitutionId);
        }
        return user;
    }

    /**
     * The institution a list is read for: a RECORDER's own, whether asked for or not (another one is refused,
     * rather than silently answered with the recorder's own); for the other roles the one asked, null for all.
     */
    public static String institutionScope(String institutionId) {
        LedgerUser user = currentUser();
        if (!isScoped(user)) {
            return institutionId;
        }
        if (institutionId != null && !institutionId.equals(user.institutionId())) {
            throw new AccessDeniedException("you may not read the contracts of institution " + institutionId);
        }
        return user.institutionId();
    }

    /** An approval: an APPROVER of the contract's seller, with a level. */
    public static LedgerUser requireApproverFor(String sellerInstitutionId) {
        LedgerUser user = requireRole(Role.APPROVER);
        if (!sellerInstitutionId.equals(user.institutionId()) || user.approvalLevel() == null) {
            throw new AccessDeniedException("you may not approve for institution " + sellerInstitutionId);
        }
        return user;
    }

    /** Recorders and approvers are held to their own institution. */
    private static boolean isScoped(LedgerUser user) {
        return user.role() == Role.RECORDER || user.role() == Role.APPROVER;
    }

    public static LedgerUser requireRole(Role... roles) {
        LedgerUser user = currentUser();
        for (Role role : roles) {
            if (user.role() == role) {
                return user;
            }
        }
        throw new AccessDeniedException("your role may not do this");
    }
}
