package org.techtransfer.ledger.reward;

/** The family of reward policies an institution follows (RULES.md, "Reward floors"). */
public enum PolicyName {
    /** Government-established units in Beijing: 70% (Beijing Regulations 2019, Art. 12). */
    BEIJING,
    /** The national default: 50% (Law on Promoting the Transformation of S&T Achievements, Art. 45). */
    NATIONAL
}
