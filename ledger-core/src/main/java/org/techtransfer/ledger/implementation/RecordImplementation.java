package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/**
 * Records that an institution implements an achievement itself or with others, from the start of production, and
 * the personnel rewarded from its operating profit.
 *
 * @param achievements what is implemented (ids or grant numbers, as a contract names them), possibly none
 * @param rewardYears  the consecutive years rewarded: national policy 3 to 5 (5 if absent), Beijing 5
 */
public record RecordImplementation(String implementationId, String institutionId, String title,
                                   ImplementationMode mode, List<String> achievements, LocalDate productionStartedOn,
                                   Integer rewardYears, List<Contributor> contributors) implements LedgerCommand {

    public RecordImplementation {
        Require.id(implementationId, "implementationId");
        Require.id(institutionId, "institutionId");
        Require.text(title, "title");
        Require.present(mode, "mode");
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
        for (int i = 0; i < achievements.size(); i++) {
            Require.text(achievements.get(i), "achievements[" + i + "]");
        }
        Require.present(productionStartedOn, "productionStartedOn");
        contributors = Require.distinct(contributors, Contributor::personId, "contributors");
    }

    @Override
    public String aggregateId() {
        return Implementation.streamOf(implementationId);
    }

    @Override
    public String ownId() {
        return implementationId;
    }
}
