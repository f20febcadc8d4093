package org.techtransfer.ledger.demand;

import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/** An enterprise's technology demand was taken in by an institution's connection service. */
public record DemandRecorded(String demandId, String serviceInstitutionId, String enterpriseName, String creditCode,
                             String regionCode, String need, String technologyField, Money budget,
                             LocalDate publishedOn) {
}
