package org.techtransfer.ledger.achievement;

import java.util.Optional;

/** Where a demand's match finds the achievements it names: each one's stage as last recorded in its own stream. */
public interface Achievements {

    /** Empty when no achievement of that id is registered; a contract naming it does not show here. */
    Optional<Stage> recordedStage(String achievementId);
}
