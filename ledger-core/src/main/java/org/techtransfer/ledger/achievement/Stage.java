package org.techtransfer.ledger.achievement;

/** Where an achievement stands in the reserve library. {@code TRANSFORMED} and {@code WITHDRAWN} are final. */
public enum Stage {
    RESERVE,
    OFFERED,
    IN_NEGOTIATION,
    TRANSFORMED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == TRANSFORMED || this == WITHDRAWN;
    }
}
