package org.techtransfer.ledger.achievement;

import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.reward.IpKind;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.achievement.AchievementKind.*;

/** Issue 22: a contract's kind of intellectual property from the achievements it names. */
class AchievementIpKindTest {

    @Test
    void patents_of_every_kind_are_patents_a_right_to_apply_is_not() {
        assertThat(AchievementKind.ipKindOf(List.of(INVENTION_PATENT, UTILITY_MODEL, DESIGN))).isEqualTo(IpKind.PATENT);
        assertThat(AchievementKind.ipKindOf(List.of(PATENT_APPLICATION))).isEqualTo(IpKind.OTHER);
    }

    @Test
    void a_bundle_with_something_that_does_not_qualify_takes_that_kind() {
        assertThat(AchievementKind.ipKindOf(List.of(SOFTWARE_COPYRIGHT, KNOW_HOW, TRADE_SECRET)))
                .isEqualTo(IpKind.KNOW_HOW);
        assertThat(AchievementKind.ipKindOf(List.of(SOFTWARE_COPYRIGHT, INVENTION_PATENT)))
                .isEqualTo(IpKind.SOFTWARE_COPYRIGHT);
        assertThat(AchievementKind.ipKindOf(List.of())).isNull();
    }
}
