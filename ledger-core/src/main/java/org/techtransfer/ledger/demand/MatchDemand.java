package org.techtransfer.ledger.demand;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Records a match the connection service made between the demand and achievements of the reserve library.
 *
 * @param achievementIds one or more registered achievements, of any institution
 * @param note           optional
 */
public record MatchDemand(String demandId, String matchId, List<String> achievementIds, LocalDate matchedOn, String note)
        implements LedgerCommand {

    public MatchDemand {
        Require.id(demandId, "demandId");
        Require.id(matchId, "matchId");
        achievementIds = Require.distinct(achievementIds, Function.identity(), "achievementIds");
        for (int i = 0; i < achievementIds.size(); i++) {
            Require.id(achievementIds.get(i), "achievementIds[" + i + "]");
        }
        Require.present(matchedOn, "matchedOn");
        if (note != null) {
            Require.text(note, "note");
        }
    }

    @Override
    public String aggregateId() {
        return TechnologyDemand.streamOf(demandId);
    }

    @Override
    public String ownId() {
        return matchId;
    }
}
