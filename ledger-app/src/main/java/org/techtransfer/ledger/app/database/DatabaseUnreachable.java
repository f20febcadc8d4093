package org.techtransfer.ledger.app.database;

/** The configured database cannot be used at start-up; {@link #action()} says what to set. */
public class DatabaseUnreachable extends IllegalStateException {

    private final String action;

    DatabaseUnreachable(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
