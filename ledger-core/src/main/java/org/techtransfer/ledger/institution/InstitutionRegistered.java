package org.techtransfer.ledger.institution;

import org.techtransfer.ledger.reward.PolicyName;

import java.math.BigDecimal;

/** An institution was registered; its contracts follow {@code policy}. */
public record InstitutionRegistered(String institutionId, String name, OrganisationType type,
                                    boolean governmentEstablished, String regionCode, PolicyName policy,
                                    BigDecimal rewardRate, Integer paymentDeadlineMonths) {
}
