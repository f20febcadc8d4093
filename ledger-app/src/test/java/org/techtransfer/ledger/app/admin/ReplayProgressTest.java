package org.techtransfer.ledger.app.admin;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code GET /admin/projections} says a replay is over: once the processor's position reaches the reset point's,
 * also on a log with a hole below the head (a restored backup that lacks an event), whose gap the processor's
 * token keeps, so that it never covers the reset point's.
 */
class ReplayProgressTest {

    private static final TrackingToken HEAD = GapAwareTrackingToken.newInstance(100, Set.of());

    /** The processor just reset to replay up to {@link #HEAD}. */
    private static ReplayToken reset() {
        return (ReplayToken) ReplayToken.createReplayToken(HEAD);
    }

    @Test
    void a_replay_that_has_not_reached_the_reset_point_is_still_replaying() {
        TrackingToken replay = reset().advancedTo(GapAwareTrackingToken.newInstance(60, Set.of()));

        assertThat(replay).isInstanceOf(ReplayToken.class);
        assertThat(Projections.stillReplaying(replay)).isTrue();
    }

    @Test
    void a_replay_just_reset_is_still_replaying() {
        assertThat(Projections.stillReplaying(reset())).isTrue();
    }

    @Test
    void a_replay_at_the_reset_point_over_a_gap_below_it_is_over() {
        // the event at 50 is missing from the log: the token reaches 100 with 50 still a gap, short of covering HEAD
        TrackingToken withGap = GapAwareTrackingToken.newInstance(100, Set.of(50L));
        TrackingToken replay = reset().advancedTo(withGap);

        assertThat(replay).isInstanceOf(ReplayToken.class);
        assertThat(withGap.covers(HEAD)).isFalse();
        assertThat(Projections.stillReplaying(replay)).isFalse();
    }

    @Test
    void a_token_past_its_replay_is_not_replaying() {
        assertThat(Projections.stillReplaying(GapAwareTrackingToken.newInstance(120, Set.of()))).isFalse();
        assertThat(Projections.stillReplaying(reset()
                .advancedTo(GapAwareTrackingToken.newInstance(101, Set.of())))).isFalse();
    }
}
