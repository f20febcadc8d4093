package org.techtransfer.ledger.rule;

/** The business rules a command can break; the names are the {@code code}s of docs/api.md, "Errors". */
public enum Rule {
    REWARD_BELOW_MINIMUM,
    PRINCIPAL_SHARE_BELOW_HALF,
    ALLOCATION_SUM_MISMATCH,
    NOT_A_CONTRIBUTOR,
    PAYMENT_EXCEEDS_ALLOCATION,
    EQUITY_REWARD_BELOW_MINIMUM,
    ALLOCATION_EXCEEDS_SHARES,
    TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL,
    CONTRACT_TERMINATED,
    DUPLICATE_REGISTRATION_NUMBER,
    UNKNOWN_ENTRY,
    ALREADY_REVERSED,
    PUBLICITY_REQUIRED,
    NO_PRINCIPAL_CONTRIBUTOR,
    ALLOCATED_CONTRIBUTOR_REMOVED,
    DEMOTION_BREAKS_PRINCIPAL_SHARE,
    ALREADY_WITHDRAWN,
    DECISION_PAID,
    DATE_IN_FUTURE,
    DATE_BEFORE_SIGNING,
    PAYMENT_BEFORE_DECISION,
    RATE_BELOW_FLOOR,
    INCOME_EXCEEDS_TOTAL,
    /** Issue 22: no equity to a principal head (国发〔2016〕16号). */
    PRINCIPAL_HEAD_EQUITY,
    STAGE_FINAL,
    STAGE_UNCHANGED,
    GRADUATION_BEFORE_ENTRY,
    ALREADY_GRADUATED,
    DATE_BEFORE_DEMAND,
    DATE_BEFORE_MATCH,
    DEMAND_CLOSED,
    UNKNOWN_MATCH,
    UNKNOWN_ACHIEVEMENT,
    ACHIEVEMENT_WITHDRAWN,
    /** Issue 23: a price agreed by a government-established seller is publicised first (Law Art. 18). */
    DEAL_PUBLICITY_REQUIRED,
    NOT_THE_NEXT_APPROVER,
    SAME_PERSON,
    MINUTES_REQUIRED,
    DECISION_CLOSED,
    DECISION_NOT_APPROVED,
    /** Issue 15: a schedule's instalments add up to the contract's amount (at most, beside a royalty). */
    SCHEDULE_SUM_MISMATCH,
    NO_ROYALTY_TERMS,
    SALES_PERIOD_OVERLAP,
    /** Issue 15: a self-implementation's profits are recorded year after year from the start of production. */
    PROFIT_YEAR_NOT_NEXT,
    /** Issue 15: co-owners' shares of each receipt add up to the whole, agreed before the first receipt. */
    CO_OWNER_SHARES_NOT_WHOLE,
    CO_OWNERS_AFTER_RECEIPTS,
    /** Issue 15: a co-owner records its own decisions and payments on its own share (docs/domain.md). */
    NOT_A_CO_OWNER,
    CO_OWNERS_AFTER_EQUITY,
    /** Issue 15: a milestone reached names an instalment of the terms that awaits its event, once. */
    UNKNOWN_INSTALMENT,
    NOT_AN_EVENT_MILESTONE,
    MILESTONE_ALREADY_REACHED,
    /** Issue 15: only a year of operating profit already recorded can be corrected. */
    PROFIT_YEAR_NOT_RECORDED
}
