package org.techtransfer.ledger.app.web;

import org.techtransfer.ledger.app.command.LedgerCommands;

/**
 * The answer to an accepted command (docs/api.md, "Answers").
 *
 * @param id          the command's own id ({@code incomeId}, {@code decisionId}, ...; the contract's for a termination)
 * @param aggregateId the contract or institution it was recorded on
 * @param version     the contract's event sequence after it
 * @param position    the event's global position in the log: pass it as {@code position} to a read-model
 *                    query to see this command's effect there
 */
public record CommandAnswer(String id, String aggregateId, long version, long position) {

    static CommandAnswer of(LedgerCommands.Outcome outcome) {
        return new CommandAnswer(outcome.identity().ownId(), outcome.identity().aggregateId(), outcome.version(),
                outcome.position());
    }
}
