package org.techtransfer.ledger.app.command.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.techtransfer.ledger.app.command.AuditMetaData;
import org.techtransfer.ledger.achievement.Achievement;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.contract.TechnologyContract;
import org.techtransfer.ledger.demand.TechnologyDemand;
import org.techtransfer.ledger.implementation.Implementation;
import org.techtransfer.ledger.incubation.Incubation;
import org.techtransfer.ledger.institution.Institution;
import org.techtransfer.ledger.region.RegionYear;


/** How commands reach the aggregates: which aggregates exist, the lanes, the retry of conflicts, the audit metadata. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    /**
     * ledger-core has no Spring, so its aggregates are registered here rather than by annotation.
     * Contracts stay cached between commands; the other aggregates are small and read from the log.
     */
    @Bean
    RecentAggregates recentAggregates(@Value("${ledger.commands.cached-events:2000000}") long cachedEvents,
                                      MeterRegistry meters) {
        return new RecentAggregates(cachedEvents, meters);
    }

    @Bean
    ConfigurerModule aggregates(RecentAggregates cache) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(TechnologyContract.class)
                        .configureCache(c -> cache)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver())
                        // a snapshot of another form (an older revision) is passed over: the events are read. The
                        // type is the one the log stores, the simple name (the builder's type(Class) takes the full one)
                        .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder()
                                .type(TechnologyContract.class.getSimpleName())
                                .revision(TechnologyContract.SNAPSHOT_REVISION).build()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Institution.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Achievement.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Incubation.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Implementation.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(RegionYear.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(TechnologyDemand.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()));
    }

    @Bean
    ContractSnapshots contractSnapshots(EventStore eventStore, JdbcTemplate jdbc, RecentAggregates cache,
                                        MeterRegistry meters,
                                        @Value("${ledger.contracts.snapshot-every:500}") long every) {
        return new ContractSnapshots(eventStore, jdbc, cache, every, meters);
    }

    /** A retried command runs on this pool: several threads, so one busy contract does not hold up others. */
    @Bean
    ThreadPoolTaskScheduler commandRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(4);
        scheduler.setThreadNamePrefix("command-retry-");
        scheduler.setDaemon(true);
        return scheduler;
    }

    @Bean
    ConflictRetry retryScheduler(ThreadPoolTaskScheduler commandRetryScheduler, MeterRegistry meters,
                                  @Value("${ledger.commands.max-retries:16}") int maxRetries) {
        return ConflictRetry.on(commandRetryScheduler.getScheduledExecutor(), maxRetries, meters);
    }

    /**
     * Lanes of group commit: a lane holds one pooled connection while its batch runs, so keep the lanes
     * well below the pool (the read models, the sealer and the queries use it too). Their gateway is theirs
     * alone: a command sent beside the lanes could build on a batch's uncommitted events.
     * <p>
     * One lane per processor unless set: a lane's thread decides its batch on a core while the other lanes wait
     * for their commits, and fewer lanes gather more commands per commit (on two cores, two lanes instead of four
     * doubled the commands per commit and cut a command's CPU by two fifths; docs/benchmarks.md, session 9).
     */
    @Bean(destroyMethod = "close")
    CommandLanes commandLanes(CommandBus commandBus, ConflictRetry retryScheduler,
                              PlatformTransactionManager transactionManager, RecentAggregates recentAggregates,
                              ContractSnapshots snapshots, MeterRegistry meters,
                              @Value("${ledger.commands.lanes:#{null}}") Integer lanes,
                              @Value("${ledger.commands.batch-size:64}") int batchSize) {
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler).build();
        return new CommandLanes(commandBus, gateway, transactionManager, recentAggregates, snapshots, meters,
                lanes != null ? lanes : Math.max(2, Runtime.getRuntime().availableProcessors()), batchSize);
    }

    @Bean
    CorrelationDataProvider auditMetaData() {
        return new AuditMetaData();
    }
}
