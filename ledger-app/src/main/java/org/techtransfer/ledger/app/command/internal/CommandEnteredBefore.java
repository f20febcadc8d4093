package org.techtransfer.ledger.app.command.internal;

/**
 * The command log already holds the command's id: another send of it committed while this one was being
 * decided. Nothing of this one is recorded; {@link org.techtransfer.ledger.app.command.LedgerCommands} asks the log for the first answer.
 */
class CommandEnteredBefore extends RuntimeException {

    CommandEnteredBefore(String key, Throwable cause) {
        super("command " + key + " was entered by another send first", cause);
    }
}
