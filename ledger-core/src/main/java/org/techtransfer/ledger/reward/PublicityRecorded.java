package org.techtransfer.ledger.reward;

import java.time.LocalDate;

public record PublicityRecorded(String contractId, String noticeId, String decisionId, LocalDate from, LocalDate to) {
}
