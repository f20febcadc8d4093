package org.techtransfer.ledger.demand;

import java.time.LocalDate;

/** A match ended; {@code contractId} only when a contract was signed, {@code note} may be null. */
public record MatchConcluded(String demandId, String matchId, MatchOutcome outcome, LocalDate concludedOn,
                             String contractId, String note) {
}
