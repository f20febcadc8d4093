package org.techtransfer.ledger.demand;

import java.time.LocalDate;
import java.util.List;

/** The connection service put achievements of the reserve library before the enterprise; {@code note} may be null. */
public record DemandMatched(String demandId, String matchId, List<String> achievementIds, LocalDate matchedOn,
                            String note) {
}
