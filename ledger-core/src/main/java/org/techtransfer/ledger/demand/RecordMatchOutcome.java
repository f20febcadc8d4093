package org.techtransfer.ledger.demand;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * Records how a match ended. Once per match.
 *
 * @param contractId the technology contract signed: required with {@code CONTRACT_SIGNED}, refused with the others
 * @param note       optional
 */
public record RecordMatchOutcome(String demandId, String matchId, MatchOutcome outcome, LocalDate concludedOn,
                                 String contractId, String note) implements LedgerCommand {

    public RecordMatchOutcome {
        Require.id(demandId, "demandId");
        Require.id(matchId, "matchId");
        Require.present(outcome, "outcome");
        Require.present(concludedOn, "concludedOn");
        if (outcome == MatchOutcome.CONTRACT_SIGNED) {
            Require.id(contractId, "contractId");
        } else if (contractId != null) {
            throw new InvalidField("contractId", "only a CONTRACT_SIGNED outcome names a contract");
        }
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
