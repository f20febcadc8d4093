package org.techtransfer.ledger.achievement;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/** Moves an achievement to another stage of the reserve library; who moved it is the command's actor. */
public record MoveAchievement(String achievementId, String moveId, Stage stage, String reason) implements LedgerCommand {

    public MoveAchievement {
        Require.id(achievementId, "achievementId");
        Require.id(moveId, "moveId");
        Require.present(stage, "stage");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return Achievement.streamOf(achievementId);
    }

    @Override
    public String ownId() {
        return moveId;
    }
}
