package org.techtransfer.ledger.app.command;

/** The answer to a command that was already recorded with the same content: nothing new is recorded. */
record Repeated(long version) {
}
