package org.techtransfer.ledger.incubation;

import java.time.LocalDate;

/** An enterprise entered an incubator; the incubator's region as it was, for the indicators by region. */
public record IncubationRecorded(String incubationId, String incubatorInstitutionId, String incubatorRegionCode,
                                 String enterpriseName, String creditCode, LocalDate enteredOn, LocalDate graduatedOn) {
}
