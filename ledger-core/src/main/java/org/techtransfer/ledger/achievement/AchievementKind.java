package org.techtransfer.ledger.achievement;

import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.reward.RewardPolicies;

import java.util.List;

/** The kinds of achievement the plan's reserve library holds (patents, copyrights and unpatented know-how). */
public enum AchievementKind {
    INVENTION_PATENT(IpKind.PATENT),
    UTILITY_MODEL(IpKind.PATENT),
    DESIGN(IpKind.PATENT),
    /** A right to apply is no granted patent: Caishui [2018] No. 58 names patented technology. */
    PATENT_APPLICATION(IpKind.OTHER),
    SOFTWARE_COPYRIGHT(IpKind.SOFTWARE_COPYRIGHT),
    IC_LAYOUT(IpKind.IC_LAYOUT),
    PLANT_VARIETY(IpKind.PLANT_VARIETY),
    TRADE_SECRET(IpKind.TRADE_SECRET),
    KNOW_HOW(IpKind.KNOW_HOW);

    private final IpKind ipKind;

    AchievementKind(IpKind ipKind) {
        this.ipKind = ipKind;
    }

    /** The kind of intellectual property a contract licensing or assigning it carries (issue 22). */
    public IpKind ipKind() {
        return ipKind;
    }

    /**
     * A contract's kind of intellectual property, from the kinds of the achievements it names (issue 22): the first
     * kind that does not qualify for the reduced wage tax if any does not (a bundle with know-how is not a patent
     * licence alone), else the first one's; null (unknown) when it names none.
     */
    public static IpKind ipKindOf(List<AchievementKind> named) {
        return named.stream().map(AchievementKind::ipKind).filter(k -> !RewardPolicies.qualifyingIp(k)).findFirst()
                .orElse(named.isEmpty() ? null : named.get(0).ipKind());
    }
}
