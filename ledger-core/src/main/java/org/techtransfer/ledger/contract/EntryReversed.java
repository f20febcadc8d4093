package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.reward.EntryType;

public record EntryReversed(String contractId, String reversalId, String entryId, EntryType entryType,
                            String reason) {
}
