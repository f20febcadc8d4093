package org.techtransfer.ledger.demand;

import java.time.LocalDate;

/** The demand takes no more matches (met, withdrawn by the enterprise, lapsed). */
public record DemandClosed(String demandId, LocalDate closedOn, String reason) {
}
