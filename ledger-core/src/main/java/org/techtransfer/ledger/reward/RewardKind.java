package org.techtransfer.ledger.reward;

/** What a reward decision gives: money or shares. */
public enum RewardKind {
    CASH,
    EQUITY
}
