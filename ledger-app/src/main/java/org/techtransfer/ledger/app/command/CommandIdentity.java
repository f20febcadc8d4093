package org.techtransfer.ledger.app.command;

import org.techtransfer.ledger.command.LedgerCommand;

/**
 * Who a command is: its type, the aggregate it addresses and its own id ("every command carries its own
 * id", docs/api.md). Worked out once, when the command enters ({@link LedgerCommands}), and carried from there.
 *
 * @param ownId the id the client gave this command ({@code incomeId}, {@code decisionId}, ...)
 */
public record CommandIdentity(String type, String aggregateId, String ownId) {

    /** The key under which the command log remembers the command. */
    public String key() {
        return type + ":" + aggregateId + ":" + ownId;
    }

    public static CommandIdentity of(LedgerCommand command) {
        return new CommandIdentity(command.getClass().getSimpleName(), command.aggregateId(), command.ownId());
    }
}
