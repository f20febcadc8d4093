package org.techtransfer.ledger.approval;

/**
 * Who approves a reward distribution, in the order published procedures use: the college, the research
 * office, the vice-president, the president's office meeting (whose minutes are kept).
 */
public enum ApprovalLevel {
    COLLEGE,
    RESEARCH_OFFICE,
    VICE_PRESIDENT,
    PRESIDENT_MEETING;

    /** The president's office meeting decides in a meeting: its approval names the minutes. */
    public boolean needsMinutes() {
        return this == PRESIDENT_MEETING;
    }
}
