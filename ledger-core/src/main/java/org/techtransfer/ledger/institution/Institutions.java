package org.techtransfer.ledger.institution;

import java.util.Optional;

/** Where a contract finds its seller when it is registered: the institution as it was registered. */
public interface Institutions {

    Optional<InstitutionRegistered> find(String institutionId);
}
