package org.techtransfer.ledger.app.web;

/** The contract or institution asked for does not exist (404). */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
