package org.techtransfer.ledger.rule;

/**
 * An entry id (income, cost, decision, ...) already names a different entry of the contract.
 * A conflict of identity, not a business rule: the service answers 409.
 */
public class EntryIdInUse extends RuntimeException {

    public EntryIdInUse(String entryId) {
        super("id '" + entryId + "' is already used by another entry of this contract");
    }
}
