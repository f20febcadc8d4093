package org.techtransfer.ledger.app.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Axon's metrics of the command bus and the read models' processor, made by the ledger
 * ({@link MessageMeters}) rather than by Axon's micrometer module, which is not on the classpath: its
 * auto-configuration adds a {@code CapacityMonitor} that keeps every message's duration for ten minutes
 * (at a few thousand events a second, a replay, that held most of a 512 MiB heap), and its monitors
 * look their meters up again for every message.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMonitoring {

    @Bean
    ConfigurerModule messageMonitors(MeterRegistry meters, Clock clock) {
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class,
                        (config, type, name) -> MessageMeters.eventProcessor(meters, name, clock))
                .configureMessageMonitor(CommandBus.class, (config, type, name) -> MessageMeters.commandBus(meters));
    }
}
