package org.techtransfer.ledger.coownership;

import java.util.List;

/** The contract's co-owners, each with its share and the reward terms of its own policy. */
public record CoOwnersSet(String contractId, String coOwnershipId, List<CoOwnerTerms> owners) {
}
