package org.techtransfer.ledger.implementation;

import java.time.LocalDate;

public record ImplementationRewardPublicized(String implementationId, String noticeId, String decisionId,
                                             LocalDate from, LocalDate to) {
}
