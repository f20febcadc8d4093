package org.techtransfer.ledger.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.techtransfer.ledger.reward.EntryType;

/**
 * @param institutionId the co-owner whose own payment was taken back (docs/domain.md, "Co-owned achievements"); null
 *                      for the seller's entries, and then left out of the stored event as before
 */
public record EntryReversed(String contractId, String reversalId, String entryId, EntryType entryType,
                            String reason, @JsonInclude(JsonInclude.Include.NON_NULL) String institutionId) {
}
