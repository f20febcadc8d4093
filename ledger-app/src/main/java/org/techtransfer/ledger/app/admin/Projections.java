package org.techtransfer.ledger.app.admin;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.techtransfer.ledger.app.projection.ProjectionConfiguration;
import org.techtransfer.ledger.app.projection.ProjectionProgress;
import org.techtransfer.ledger.projections.support.ReadModel;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Where each read model stands, and rebuilding them all from the event log while commands go on. */
@Service
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /**
     * @param position   the lowest position any of its segments has reached (-1 before the first event)
     * @param caughtUp   not replaying and at the head of the log
     * @param checksum   a digest of its rows: equal before and after a replay
     */
    public record Status(String name, long position, boolean replaying, boolean caughtUp, String checksum,
                         long deadLetters) {
    }

    public record Replay(String replayId, List<String> readModels) {
    }

    private final List<ReadModel> readModels;
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final JdbcTemplate jdbc;
    /** Replays run one after another on a thread of their own; one in hand at shutdown is let finish its reset. */
    private final ThreadPoolTaskExecutor replays = new ThreadPoolTaskExecutor();

    Projections(List<ReadModel> readModels, EventProcessingConfiguration processing, ProjectionProgress progress,
                JdbcTemplate jdbc) {
        this.readModels = readModels;
        this.processing = processing;
        this.progress = progress;
        this.jdbc = jdbc;
        replays.setCorePoolSize(1);
        replays.setMaxPoolSize(1);
        replays.setThreadNamePrefix("replay-");
        replays.setDaemon(true);
        replays.setWaitForTasksToCompleteOnShutdown(true);
        replays.setAwaitTerminationSeconds(60);
        replays.initialize();
    }

    @PreDestroy
    void stop() {
        replays.shutdown();
    }

    public List<Status> status() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        // one processor feeds every read model: its tokens are read once and say where each of them stands
        List<TrackingToken> tokens = progress.tokens(ProjectionConfiguration.PROCESSOR);
        long position = tokens.isEmpty() ? -1 : tokens.stream()
                .map(t -> t == null ? OptionalLong.of(-1) : t.position())
                .mapToLong(p -> p.orElse(-1)).min().orElse(-1);
        boolean replaying = tokens.stream().anyMatch(Projections::stillReplaying);
        boolean caughtUp = !replaying && !tokens.isEmpty() && position >= (head == null ? -1 : head);
        return readModels.stream().map(model -> {
            long deadLetters = processing.deadLetterQueue(model.name()).map(q -> q.amountOfSequences()).orElse(0L);
            return new Status(model.name(), position, replaying, caughtUp, model.checksum(), deadLetters);
        }).toList();
    }

    /**
     * A replay token stays until the next event; the replay itself is over once it has reached the reset point's
     * position. Not {@code covers}: the reset point is the head with no gaps, and a log with a hole below the head
     * (an event a backup taken under load lacks) leaves that gap in the processor's token, so it never covers it.
     */
    static boolean stillReplaying(TrackingToken token) {
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        TrackingToken current = replay.getCurrentToken();
        return current == null || current.position().orElse(-1) < replay.getTokenAtReset().position().orElse(-1);
    }

    /** Starts rebuilding every read model from the beginning of the log; answers at once. */
    public Replay replayAll() {
        String id = UUID.randomUUID().toString();
        List<String> names = readModels.stream().map(ReadModel::name).toList();
        replays.execute(() -> {
            StreamingEventProcessor processor = processing.eventProcessor(ProjectionConfiguration.PROCESSOR,
                    StreamingEventProcessor.class).orElseThrow(() -> new IllegalStateException("no read-model processor"));
            try {
                processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                processor.resetTokens(); // calls the reset handler of every read model
                names.forEach(name -> log.info("replay {}: rebuilding {} from the start of the event log", id, name));
            } catch (Exception e) {
                log.error("replay {}: could not reset the read models {}", id, names, e);
            } finally {
                processor.start();
            }
        });
        return new Replay(id, names);
    }
}
