package org.techtransfer.ledger.reward;

/** The family of reward policies an institution follows (docs/domain.md, "Reward policies"). */
public enum PolicyName {
    /**
     * The district's policy for government-established units in Beijing: 70%, which Beijing Regulations 2019,
     * Art. 12 para. 3 permit and the Huairou plan asks for; not a law's minimum.
     */
    BEIJING,
    /** The law's minimum: 50% (Law on Promoting the Transformation of S&T Achievements, Art. 45). */
    NATIONAL
}
