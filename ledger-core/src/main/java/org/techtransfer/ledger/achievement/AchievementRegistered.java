package org.techtransfer.ledger.achievement;

import java.time.LocalDate;
import java.util.List;

/** An achievement entered the reserve library in {@code stage}. */
public record AchievementRegistered(String achievementId, AchievementKind kind, String title,
                                    List<String> ownerInstitutionIds, List<Inventor> inventors, String technologyField,
                                    String number, LocalDate numberDate, String regionCode, Stage stage) {
}
