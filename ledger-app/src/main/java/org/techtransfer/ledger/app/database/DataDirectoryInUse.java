package org.techtransfer.ledger.app.database;

import java.nio.file.Path;

/** Another ledger, alive, holds the data directory: two postmasters on one directory would ruin it. */
public class DataDirectoryInUse extends IllegalStateException {

    public DataDirectoryInUse(Path directory, String holder) {
        super("the data directory " + directory + " is in use by a running ledger"
                + (holder.isBlank() ? "" : " (pid " + holder + ")")
                + ": stop that ledger first, or set LEDGER_DATA_DIR to another directory");
    }
}
