package org.techtransfer.ledger.reward;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * @param institutionId the co-owner whose entry it is, on its own share (docs/domain.md, "Co-owned achievements");
 *                      null for the seller's, and then left out of the stored event as before
 */
public record PublicityRecorded(String contractId, String noticeId, String decisionId, LocalDate from, LocalDate to,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String institutionId) {
}
