package org.techtransfer.ledger.app.web;

/** A read model has not reached the position a query asked for within the wait allowed (503, retry). */
public class ReadModelBehind extends RuntimeException {

    public ReadModelBehind(String readModel, long position) {
        super("the read model " + readModel + " has not yet reached position " + position + "; try again shortly");
    }
}
