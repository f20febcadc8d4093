package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.money.Money;

public record ContractAmended(String contractId, String amendmentId, Money totalAmount, Money technologyAmount,
                              String reason) {
}
