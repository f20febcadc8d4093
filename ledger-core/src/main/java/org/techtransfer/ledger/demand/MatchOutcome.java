package org.techtransfer.ledger.demand;

/** How a match between a demand and achievements ended. */
public enum MatchOutcome {
    /** A technology contract was signed; the match names it. */
    CONTRACT_SIGNED,
    /** The enterprise or the owners did not take it up. */
    DECLINED,
    /** They negotiated and did not agree. */
    NEGOTIATION_FAILED
}
