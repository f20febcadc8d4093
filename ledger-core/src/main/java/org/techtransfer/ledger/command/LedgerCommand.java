package org.techtransfer.ledger.command;

/**
 * What every command of the ledger says of itself: the aggregate it addresses and its own id, which the
 * client chose ({@code incomeId}, {@code decisionId}, ...) and which makes a repeated command recognisable.
 * Routing, the command log and the lanes all read these two, so a new command needs no other registration.
 */
public interface LedgerCommand {

    /** The contract's or institution's id. */
    String aggregateId();

    /** The command's own id; a command that happens once per aggregate (a registration, a termination) uses the aggregate's. */
    String ownId();
}
