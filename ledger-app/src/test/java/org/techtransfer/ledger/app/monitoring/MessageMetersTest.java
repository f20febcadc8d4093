package org.techtransfer.ledger.app.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.money.Money;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters keep Axon's names and count as Axon's monitors did: successes and failures are processed, ignored ones not. */
class MessageMetersTest {

    private static final RecordIncome INCOME = new RecordIncome("C-1", "I-1", Money.of("1.00"),
            LocalDate.of(2026, 3, 15), IncomeCategory.UPFRONT);

    @Test
    void a_command_type_is_counted_and_timed_by_outcome() {
        MeterRegistry registry = new SimpleMeterRegistry();
        MessageMeters meters = MessageMeters.commandBus(registry);

        meters.onMessageIngested(GenericCommandMessage.asCommandMessage(INCOME)).reportSuccess();
        meters.onMessageIngested(GenericCommandMessage.asCommandMessage(INCOME)).reportSuccess();
        meters.onMessageIngested(GenericCommandMessage.asCommandMessage(INCOME)).reportFailure(new IllegalStateException());
        meters.onMessageIngested(GenericCommandMessage.asCommandMessage(INCOME)).reportIgnored();

        assertThat(count(registry, "commandBus.ingestedCounter")).isEqualTo(4);
        assertThat(count(registry, "commandBus.successCounter")).isEqualTo(2);
        assertThat(count(registry, "commandBus.failureCounter")).isEqualTo(1);
        assertThat(count(registry, "commandBus.ignoredCounter")).isEqualTo(1);
        assertThat(count(registry, "commandBus.processedCounter")).isEqualTo(3);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "RecordIncome").timer().count()).isEqualTo(4);
        assertThat(registry.get("commandBus.successTimer").tag("payloadType", "RecordIncome").timer().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.failureTimer").tag("payloadType", "RecordIncome").timer().count()).isEqualTo(1);
    }

    @Test
    void a_processor_shows_how_far_behind_the_log_its_events_are() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        MessageMeters meters = MessageMeters.eventProcessor(registry, "read-models", Clock.fixed(now, ZoneOffset.UTC));

        meters.onMessageIngested(new GenericEventMessage<>("E-1", "recorded", MetaData.emptyInstance(),
                now.minus(Duration.ofSeconds(3)))).reportSuccess();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "read-models").gauge().value()).isEqualTo(3000);
        assertThat(registry.get("eventProcessor.processedCounter").tag("processorName", "read-models").counter().count())
                .isEqualTo(1);
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.get(name).tag("payloadType", "RecordIncome").counter().count();
    }
}
