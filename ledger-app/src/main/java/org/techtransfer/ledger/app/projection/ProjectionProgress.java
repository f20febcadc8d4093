package org.techtransfer.ledger.app.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;

/**
 * How far each read model has come in the event log, read from the token store so that it holds
 * whichever node processes which segment. Lets a client read its own writes: wait (bounded) until a
 * read model has passed the position its command answered with.
 */
@Component
public class ProjectionProgress {

    /** Longest a query waits for a read model to catch up. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProjectionProgress(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The token of each segment of {@code processor} (null for a segment that has handled nothing yet). */
    public List<TrackingToken> tokens(String processor) {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, i) -> {
                    byte[] token = rs.getBytes("token");
                    return token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, rs.getString("token_type"), null));
                }, processor);
    }

    /** Whether every segment of {@code processor} has handled the event at global {@code position}. */
    public boolean hasPassed(String processor, long position) {
        List<TrackingToken> tokens = tokens(processor);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> t != null && handled(t, position));
    }

    /**
     * Whether the token has passed {@code position}. Holes below it do not matter: a rolled-back insert
     * leaves a hole in the global index that the token keeps as a gap for a while, but the event the
     * client asks about was committed, and it is not among the token's gaps once handled.
     */
    private static boolean handled(TrackingToken token, long position) {
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        SortedSet<Long> earlierGaps = lower instanceof GapAwareTrackingToken gapAware
                ? gapAware.getGaps().headSet(position)
                : Collections.emptySortedSet();
        return token.covers(GapAwareTrackingToken.newInstance(position, earlierGaps));
    }

    /**
     * Waits until {@code processor} has passed {@code position}, at most {@code wait} (capped at {@link #MAX_WAIT}).
     *
     * @return whether it has
     */
    public boolean await(String processor, long position, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), MAX_WAIT.toNanos());
        while (!hasPassed(processor, position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
