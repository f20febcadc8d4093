package org.techtransfer.ledger.achievement;

/** The kinds of achievement the plan's reserve library holds (patents, copyrights and unpatented know-how). */
public enum AchievementKind {
    INVENTION_PATENT,
    UTILITY_MODEL,
    DESIGN,
    PATENT_APPLICATION,
    SOFTWARE_COPYRIGHT,
    IC_LAYOUT,
    PLANT_VARIETY,
    TRADE_SECRET,
    KNOW_HOW
}
