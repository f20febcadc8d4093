package org.techtransfer.ledger.institution;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.reward.PolicyName;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.math.BigDecimal;

/**
 * Registers an institution that sells technology, with the reward policy it follows.
 *
 * @param rewardRate            optional: the institution's own minimum reward rate, used where it is above the policy's
 * @param paymentDeadlineMonths optional: the institution's own payment deadline, used where it is shorter
 * @param nonProfit             optional: a non-profit institution (Caishui [2018] No. 58); absent, true for a
 *                              government-established university or research institute, false otherwise
 */
public record RegisterInstitution(String institutionId, String name, OrganisationType type,
                                  boolean governmentEstablished, String regionCode, PolicyName policy,
                                  BigDecimal rewardRate, Integer paymentDeadlineMonths, Boolean nonProfit)
        implements LedgerCommand {

    public RegisterInstitution {
        Require.id(institutionId, "institutionId");
        Require.text(name, "name");
        Require.present(type, "type");
        Require.regionCode(regionCode, "regionCode");
        Require.present(policy, "policy");
        if (rewardRate != null && (rewardRate.signum() <= 0 || rewardRate.compareTo(BigDecimal.ONE) > 0)) {
            throw new InvalidField("rewardRate", "must be above 0 and at most 1");
        }
        if (paymentDeadlineMonths != null && (paymentDeadlineMonths < 1 || paymentDeadlineMonths > 36)) {
            throw new InvalidField("paymentDeadlineMonths", "must be between 1 and 36");
        }
        if (nonProfit == null) {
            nonProfit = InstitutionRegistered.nonProfitByDefault(type, governmentEstablished);
        }
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }

    @Override
    public String ownId() {
        return institutionId;
    }
}
