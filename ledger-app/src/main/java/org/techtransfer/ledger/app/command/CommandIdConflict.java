package org.techtransfer.ledger.app.command;

/** The command's id was used before for a command with other content (docs/api.md, "Idempotency": 409). */
public class CommandIdConflict extends RuntimeException {

    public CommandIdConflict(CommandIdentity identity) {
        super(identity.type() + " '" + identity.ownId() + "' was already recorded with different content");
    }
}
