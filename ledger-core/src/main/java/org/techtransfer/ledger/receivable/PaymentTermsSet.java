package org.techtransfer.ledger.receivable;

import java.util.List;

/** The contract's payment terms as set, replacing any set before. */
public record PaymentTermsSet(String contractId, String termsId, List<Instalment> instalments, RoyaltyTerms royalty,
                              String reason) {
}
