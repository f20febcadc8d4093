package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The institutions a contract can name as seller, as they were registered. */
final class InMemoryInstitutions implements Institutions {

    private final Map<String, InstitutionRegistered> byId = new HashMap<>();

    InMemoryInstitutions(InstitutionRegistered... registered) {
        for (InstitutionRegistered institution : registered) {
            byId.put(institution.institutionId(), institution);
        }
    }

    @Override
    public Optional<InstitutionRegistered> find(String institutionId) {
        return Optional.ofNullable(byId.get(institutionId));
    }
}
