package org.techtransfer.ledger.reward;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;

/**
 * @param institutionId the co-owner whose entry it is, on its own share (docs/domain.md, "Co-owned achievements");
 *                      null for the seller's, and then left out of the stored event as before
 */
public record RewardPaid(String contractId, String paymentId, String personId, Money amount, LocalDate paidOn,
                         String reference, @JsonInclude(JsonInclude.Include.NON_NULL) String institutionId) {
}
