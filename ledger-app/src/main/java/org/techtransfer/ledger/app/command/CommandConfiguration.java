package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techtransfer.ledger.contract.TechnologyContract;
import org.techtransfer.ledger.institution.Institution;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How commands reach the aggregates: which aggregates exist, the retry of conflicts, the audit metadata. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    /** ledger-core has no Spring, so its aggregates are registered here rather than by annotation. */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(TechnologyContract.class)
                .configureAggregate(Institution.class);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Another node or thread appended to the same contract first: the command is loaded again and
     * retried. Every other failure (a refused rule above all) is final at once.
     */
    @Bean
    RetryScheduler retryScheduler(ScheduledExecutorService commandRetryExecutor,
                                  @Value("${ledger.commands.max-retries:8}") int maxRetries) {
        return IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(10)
                .maxRetryCount(maxRetries)
                .nonTransientFailurePredicate(failure -> !isConcurrencyConflict(failure))
                .build();
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
    }

    @Bean
    CorrelationDataProvider auditMetaData() {
        return new AuditMetaData();
    }
}
