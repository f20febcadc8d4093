package org.techtransfer.ledger.institution;

import org.techtransfer.ledger.reward.PolicyName;

import java.math.BigDecimal;

/**
 * An institution was registered; its contracts follow {@code policy}.
 *
 * @param nonProfit whether it is non-profit; null in events recorded before the field existed, which read as
 *                  {@link #nonProfitByDefault}
 */
public record InstitutionRegistered(String institutionId, String name, OrganisationType type,
                                    boolean governmentEstablished, String regionCode, PolicyName policy,
                                    BigDecimal rewardRate, Integer paymentDeadlineMonths, Boolean nonProfit) {

    /** A government-established university or research institute is a public institution: non-profit. */
    public static boolean nonProfitByDefault(OrganisationType type, boolean governmentEstablished) {
        return governmentEstablished && (type == OrganisationType.UNIVERSITY || type == OrganisationType.RESEARCH_INSTITUTE);
    }

    /** Whether it is non-profit, as registered or, for an event without the field, by default. */
    public boolean countsAsNonProfit() {
        return nonProfit != null ? nonProfit : nonProfitByDefault(type, governmentEstablished);
    }
}
