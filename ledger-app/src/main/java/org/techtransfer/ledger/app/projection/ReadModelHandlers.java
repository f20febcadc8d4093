package org.techtransfer.ledger.app.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.MessageHandlerInterceptorMemberChain;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.projections.support.RowBuffer;

import java.sql.Savepoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read model's event handler methods as the processor calls them, with the method for an event type looked up
 * once. Axon's {@link AnnotationEventHandlerAdapter} walks every handler method of the read model at each question
 * (does it support a reset? can it handle this event? which method handles it?), and the processor asks them of every
 * read model for every segment and every event: about forty walks per event of a replay, which took a third of
 * the JVM's CPU per event (docs/benchmarks.md, session 8). The read models' handlers are chosen by the event's payload type (their other parameters,
 * the message and its timestamp, fit every event of the log), so the answer is kept per type.
 * <p>
 * In a batch that writes carefully ({@link CarefulWrites}) each event is handled inside a savepoint, and its rows
 * written at once: a statement PostgreSQL refuses is rolled back to the savepoint and fails this event alone, which
 * the dead-letter queue then takes in the same transaction.
 */
final class ReadModelHandlers implements EventMessageHandler {

    private final Object readModel;
    private final Class<?> type;
    private final AnnotatedHandlerInspector<Object> inspector;
    private final MessageHandlerInterceptorMemberChain<Object> interceptors;
    /** Axon's own adapter, for what is asked once (a reset). */
    private final AnnotationEventHandlerAdapter adapter;
    private final boolean supportsReset;
    /** The method for each payload type of a domain event (the log's events), or none. */
    private final Map<Class<?>, Optional<MessageHandlingMember<? super Object>>> byPayloadType = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final CarefulWrites careful;

    ReadModelHandlers(Object readModel, ParameterResolverFactory parameters, HandlerDefinition handlers, JdbcTemplate jdbc,
                      CarefulWrites careful) {
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.careful = careful;
        this.type = readModel.getClass();
        this.inspector = AnnotatedHandlerInspector.inspectType(type, parameters, handlers);
        this.interceptors = inspector.chainedInterceptor(type);
        this.adapter = new AnnotationEventHandlerAdapter(readModel, parameters, handlers);
        this.supportsReset = adapter.supportsReset();
    }

    private Optional<MessageHandlingMember<? super Object>> handlerOf(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage)) {
            return find(event);
        }
        Optional<MessageHandlingMember<? super Object>> handler = byPayloadType.get(event.getPayloadType());
        if (handler == null) {
            handler = find(event);
            byPayloadType.put(event.getPayloadType(), handler);
        }
        return handler;
    }

    private Optional<MessageHandlingMember<? super Object>> find(EventMessage<?> event) {
        return inspector.getHandlers(type).filter(h -> h.canHandle(event)).findFirst();
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        Optional<MessageHandlingMember<? super Object>> handler = handlerOf(event);
        if (handler.isEmpty()) {
            return null;
        }
        if (CurrentUnitOfWork.isStarted() && carefully(CurrentUnitOfWork.get().root())) {
            return inSavepoint(event, handler.get());
        }
        return interceptors.handle(event, readModel, handler.get());
    }

    /** Decided at the batch's first event, so that no row of a batch is both buffered and written at once. */
    private boolean carefully(UnitOfWork<?> batch) {
        Boolean atOnce = batch.getResource(RowBuffer.WRITE_AT_ONCE);
        if (atOnce == null) {
            atOnce = careful.now();
            batch.resources().put(RowBuffer.WRITE_AT_ONCE, atOnce);
        }
        return atOnce;
    }

    private Object inSavepoint(EventMessage<?> event, MessageHandlingMember<? super Object> handler) throws Exception {
        Exception[] failure = new Exception[1];
        Object result = jdbc.execute((ConnectionCallback<Object>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Object answer = interceptors.handle(event, readModel, handler);
                connection.releaseSavepoint(savepoint);
                return answer;
            } catch (Exception e) {
                connection.rollback(savepoint);
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return result;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return handlerOf(event).isPresent();
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return adapter.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return type;
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void prepareReset() {
        adapter.prepareReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        adapter.prepareReset(resetContext);
    }
}
