package org.techtransfer.ledger.app.apidoc;

/** Who may call an operation (docs/api.md, "Authentication and roles"), as the description says it. */
enum Callers {
    ADMIN("ADMIN only.", true),
    RECORDER("A RECORDER of the contract's seller institution, or an ADMIN.", true),
    REWARD_RECORDER("A RECORDER of the contract's seller institution or, for a co-owner's own reward "
            + "(institutionId), of that co-owner; or an ADMIN.", true),
    CONTRACT_READERS("Every role; a RECORDER only the contracts of its own institution.", true),
    CONTRACT_AUDITORS("AUDITOR and ADMIN, and a RECORDER of the contract's seller institution.", true),
    ANY("Any signed-in user.", false),
    READERS("FINANCE, AUDITOR and ADMIN.", true),
    INSTITUTION_RECORDER("A RECORDER of the institution concerned (an owner of the achievement, the incubator, the "
            + "demand's service institution), or an ADMIN.", true),
    SCOPED_READERS("Every role; a RECORDER its own institution's only (naming another is a 403).", true),
    AUDIT("AUDITOR and ADMIN.", true),
    APPROVER("An APPROVER of the contract's seller institution, at the level the decision waits for.", true);

    final String sentence;
    /** Whether a signed-in user can be refused with a 403. */
    final boolean restricted;

    Callers(String sentence, boolean restricted) {
        this.sentence = sentence;
        this.restricted = restricted;
    }

    /** The callers of an operation without an entry of its own, as SecurityConfiguration's URL rules allow them. */
    static Callers byPath(String method, String path) {
        String rest = path.substring(ApiOperations.BASE.length());
        if (rest.startsWith("/institutions")) {
            return "POST".equals(method) ? ADMIN : ANY;
        }
        if (rest.startsWith("/contracts")) {
            return "POST".equals(method) ? RECORDER : CONTRACT_READERS;
        }
        if (rest.startsWith("/rewards") || rest.startsWith("/payouts") || rest.startsWith("/reports")
                || rest.startsWith("/receivables")) {
            return SCOPED_READERS;
        }
        if (rest.startsWith("/audit") || rest.startsWith("/admin")) {
            return AUDIT;
        }
        return READERS;
    }
}
