package org.techtransfer.ledger.app.database;

/** The database was migrated by a newer ledger: this one does not know its tables and must not write to them. */
public class SchemaNewerThanLedger extends IllegalStateException {

    public SchemaNewerThanLedger(String applied, String known) {
        super("the database holds schema version " + applied + ", newer than the " + known
                + " this ledger knows: it was migrated by a newer ledger");
    }
}
