package org.techtransfer.ledger.app.security;

/** The roles of API.md. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Commands on, and reads of, the contracts of its own institution. */
    RECORDER,
    /** Every read, the audit endpoints, replay; no command. */
    AUDITOR,
    /** Reads of obligations, payouts and statistics; no command. */
    FINANCE,
    /**
     * Approves or rejects the reward decisions of its own institution that wait for its level (issue 23); reads
     * that institution's contracts like a recorder.
     */
    APPROVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
