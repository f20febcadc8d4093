package org.techtransfer.ledger.command;

/**
 * Who sends the command being handled: the signed-in user the service records as the event's actor. A rule
 * that depends on the person (an approver may not approve their own proposal) asks it; tests give a fixed one.
 */
public interface CommandActor {

    String name();
}
