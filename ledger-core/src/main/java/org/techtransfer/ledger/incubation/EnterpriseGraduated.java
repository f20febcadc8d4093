package org.techtransfer.ledger.incubation;

import java.time.LocalDate;

public record EnterpriseGraduated(String incubationId, LocalDate graduatedOn) {
}
