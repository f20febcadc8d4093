package org.techtransfer.ledger.app.projection;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReadModelHandlers} calls the method Axon's own adapter would, remembering it per event type. */
class ReadModelHandlersTest {

    record Opened(String id) {
    }

    record Closed(String id) {
    }

    record Unrelated(String id) {
    }

    static class Model {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(Opened e, @Timestamp Instant at) {
            seen.add("opened " + e.id() + " at " + at);
        }

        @EventHandler
        void on(Closed e) {
            seen.add("closed " + e.id());
        }

        @ResetHandler
        void reset() {
            seen.add("reset");
        }
    }

    static class NoReplays {
        @EventHandler
        @DisallowReplay
        void on(Opened e) {
        }
    }

    private static ReadModelHandlers handlers(Object model) {
        // outside a unit of work nothing is written carefully: no database is needed
        return new ReadModelHandlers(model, ClasspathParameterResolverFactory.forClass(model.getClass()),
                ClasspathHandlerDefinition.forClass(model.getClass()), new JdbcTemplate(),
                new CarefulWrites(new SimpleMeterRegistry()));
    }

    private static GenericDomainEventMessage<Object> event(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Contract", "C-1", sequence, payload);
    }

    @Test
    void each_event_goes_to_the_method_of_its_type_the_second_time_as_the_first() throws Exception {
        Model model = new Model();
        ReadModelHandlers handlers = handlers(model);
        GenericDomainEventMessage<Object> first = event(new Opened("C-1"), 0);
        GenericDomainEventMessage<Object> second = event(new Opened("C-2"), 2);

        handlers.handle(first);
        handlers.handle(event(new Closed("C-1"), 1));
        handlers.handle(second);
        handlers.handle(event(new Unrelated("C-1"), 3));

        assertThat(model.seen).containsExactly("opened C-1 at " + first.getTimestamp(), "closed C-1",
                "opened C-2 at " + second.getTimestamp());
        assertThat(handlers.canHandle(event(new Closed("C-3"), 4))).isTrue();
        assertThat(handlers.canHandle(event(new Unrelated("C-3"), 5))).isFalse();
        assertThat(handlers.canHandleType(Opened.class)).isTrue();
        assertThat(handlers.canHandleType(Unrelated.class)).isFalse();
    }

    @Test
    void an_event_that_is_not_from_the_log_is_matched_each_time() throws Exception {
        Model model = new Model();
        ReadModelHandlers handlers = handlers(model);

        handlers.handle(GenericEventMessage.asEventMessage(new Closed("C-9")));

        assertThat(model.seen).containsExactly("closed C-9");
    }

    @Test
    void a_reset_reaches_the_reset_handler_and_replays_are_allowed_unless_every_handler_refuses_them() {
        Model model = new Model();
        ReadModelHandlers handlers = handlers(model);

        handlers.prepareReset();

        assertThat(model.seen).containsExactly("reset");
        assertThat(handlers.supportsReset()).isTrue();
        assertThat(handlers(new NoReplays()).supportsReset()).isFalse();
        assertThat(handlers.getTargetType()).isEqualTo(Model.class);
    }
}
