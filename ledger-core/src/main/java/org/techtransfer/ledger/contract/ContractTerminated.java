package org.techtransfer.ledger.contract;

import java.time.LocalDate;

public record ContractTerminated(String contractId, LocalDate terminatedOn, String reason) {
}
