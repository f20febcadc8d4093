package org.techtransfer.ledger.institution;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.reward.PolicyName;

class SmokeTest {
    @Test
    void smoke() {
        AggregateTestFixture<Institution> f = new AggregateTestFixture<>(Institution.class);
        f.givenNoPriorActivity().when(new RegisterInstitution("I", "n", OrganisationType.UNIVERSITY, true, "110000", PolicyName.BEIJING, null, null))
                .expectEvents(new InstitutionRegistered("I", "n", OrganisationType.UNIVERSITY, true, "110000", PolicyName.BEIJING, null, null));
    }
}
