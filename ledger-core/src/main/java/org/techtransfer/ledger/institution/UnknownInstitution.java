package org.techtransfer.ledger.institution;

/** A command named an institution the ledger has not registered. The service answers 404. */
public class UnknownInstitution extends RuntimeException {

    public UnknownInstitution(String institutionId) {
        super("no institution '" + institutionId + "'");
    }
}
