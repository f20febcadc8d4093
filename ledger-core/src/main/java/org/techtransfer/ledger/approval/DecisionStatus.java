package org.techtransfer.ledger.approval;

/** Where a reward decision under an approval policy stands. */
public enum DecisionStatus {
    /** Recorded, waiting for the next required approval. */
    PROPOSED,
    /** Every required level approved it: it counts as decided. */
    APPROVED,
    /** A level rejected it: it allocates nothing. */
    REJECTED
}
