package org.techtransfer.ledger.achievement;

/** An achievement moved from one stage to another; the actor is in the event's metadata. */
public record AchievementMoved(String achievementId, String moveId, Stage from, Stage to, String reason) {
}
