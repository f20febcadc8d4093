package org.techtransfer.ledger.app.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's metrics of the command bus and the read models' processors, chosen here instead of by Axon's
 * auto-configuration ({@code axon.metrics.auto-configuration.enabled: false}). Axon would add its
 * {@code CapacityMonitor}, which keeps every message's duration for ten minutes in a sliding window:
 * at a few thousand events a second (a replay, a busy day) that held millions of entries and most of
 * a 512 MiB heap.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMonitoring {

    @Bean
    ConfigurerModule messageMonitors(MeterRegistry meters) {
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class, (config, type, name) -> {
                    Tags processor = Tags.of("processorName", name);
                    return new MultiMessageMonitor<>(
                            MessageCountingMonitor.buildMonitor("eventProcessor", meters, m -> processor),
                            MessageTimerMonitor.builder().meterNamePrefix("eventProcessor").meterRegistry(meters)
                                    .tagsBuilder(m -> processor).build(),
                            latency(EventProcessorLatencyMonitor.builder().meterNamePrefix("eventProcessor")
                                    .meterRegistry(meters).tagsBuilder(m -> processor).build()));
                })
                .configureMessageMonitor(CommandBus.class, (config, type, name) -> new MultiMessageMonitor<>(
                        MessageCountingMonitor.buildMonitor("commandBus", meters,
                                m -> Tags.of("payloadType", m.getPayloadType().getSimpleName())),
                        MessageTimerMonitor.builder().meterNamePrefix("commandBus").meterRegistry(meters)
                                .tagsBuilder(m -> Tags.of("payloadType", m.getPayloadType().getSimpleName())).build()));
    }

    /** An event processor's monitor only ever sees events. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> latency(EventProcessorLatencyMonitor monitor) {
        return (MessageMonitor) monitor;
    }
}
