package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.deal.DealNotice;
import org.techtransfer.ledger.deal.Pricing;

/**
 * How the price of a contract was fixed (Law Art. 18), recorded with its registration when given; with the
 * seller's notice of the proposed price, as it was recorded, when one was named.
 */
public record ContractPriced(String contractId, Pricing pricing, DealNotice dealNotice) {
}
