package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.rule.Require;

/** The party that acquires the technology; {@code regionCode} is the 6-digit administrative code. */
public record Buyer(String name, OrganisationType type, String regionCode) {

    public Buyer {
        Require.text(name, "name");
        Require.present(type, "type");
        Require.regionCode(regionCode, "regionCode");
    }
}
