package org.techtransfer.ledger.app.command;

/**
 * The command was recorded, but the database went away before its answer (the event's position) could
 * be read. The client must not hear "nothing was recorded": sending it again with the same id answers
 * {@code 200} with the full answer.
 */
public class AnswerLost extends RuntimeException {

    AnswerLost(CommandIdentity identity, RuntimeException cause) {
        super("command " + identity.key() + " was recorded, but its answer could not be read: " + cause.getMessage(), cause);
    }
}
