package org.techtransfer.ledger.app.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.app.monitoring.ContractCacheMeters;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.projections.contract.ContractCatalog;
import org.techtransfer.ledger.projections.contract.ContractCatalogProjection;
import org.techtransfer.ledger.projections.coownership.CoOwnerObligationProjection;
import org.techtransfer.ledger.projections.coownership.CoOwnerObligations;
import org.techtransfer.ledger.projections.demand.DemandBook;
import org.techtransfer.ledger.projections.demand.DemandBookProjection;
import org.techtransfer.ledger.projections.indicator.IndicatorFigures;
import org.techtransfer.ledger.projections.indicator.IndicatorFiguresProjection;
import org.techtransfer.ledger.projections.payout.PayoutProjection;
import org.techtransfer.ledger.projections.payout.Payouts;
import org.techtransfer.ledger.projections.receivable.ReceivableProjection;
import org.techtransfer.ledger.projections.receivable.ReceivablesReport;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardTaxReport;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.projections.statistics.ContractVolumeProjection;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;
import org.techtransfer.ledger.projections.support.ContractStates;
import org.techtransfer.ledger.projections.support.ReadModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read models of ledger-projections as beans. Axon finds their event handlers; every read model is
 * a processing group with a dead-letter queue of its own, and all of them are fed by one pooled
 * streaming processor, {@value #PROCESSOR} (see {@code axon.eventhandling.processors} in application.yml):
 * the log is read, parsed and tracked once for all, and a batch of events updates every read model in
 * one transaction with one token.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /** The processor that feeds every read model: its tokens are every read model's position in the log. */
    public static final String PROCESSOR = "read-models";

    @Bean
    CarefulWrites carefulWrites(MeterRegistry meters) {
        return new CarefulWrites(meters);
    }

    /** The contracts' folded states, one copy for the three read models that need them. */
    @Bean
    ContractStates contractStates(EventStore eventStore, MeterRegistry meters,
                                  @Value("${ledger.projections.followed-events:2000000}") long followedEvents) {
        return new ContractStates(eventStore, followedEvents,
                cache -> ContractCacheMeters.monitor(meters, cache, "read-model-contracts"));
    }

    @Bean
    RewardObligationProjection rewardObligationProjection(JdbcTemplate jdbc, EventStore eventStore, ContractStates contracts) {
        return new RewardObligationProjection(jdbc, eventStore, contracts);
    }

    @Bean
    ReceivableProjection receivableProjection(JdbcTemplate jdbc, ContractStates contracts) {
        return new ReceivableProjection(jdbc, contracts);
    }

    @Bean
    CoOwnerObligationProjection coOwnerObligationProjection(JdbcTemplate jdbc, ContractStates contracts) {
        return new CoOwnerObligationProjection(jdbc, contracts);
    }

    @Bean
    CoOwnerObligations coOwnerObligations(JdbcTemplate jdbc) {
        return new CoOwnerObligations(jdbc);
    }

    @Bean
    ReceivablesReport receivablesReport(JdbcTemplate jdbc) {
        return new ReceivablesReport(jdbc);
    }

    @Bean
    PayoutProjection payoutProjection(JdbcTemplate jdbc) {
        return new PayoutProjection(jdbc);
    }

    @Bean
    ContractVolumeProjection contractVolumeProjection(JdbcTemplate jdbc) {
        return new ContractVolumeProjection(jdbc);
    }

    @Bean
    ContractCatalogProjection contractCatalogProjection(JdbcTemplate jdbc) {
        return new ContractCatalogProjection(jdbc);
    }

    @Bean
    AchievementRegistryProjection achievementRegistryProjection(JdbcTemplate jdbc) {
        return new AchievementRegistryProjection(jdbc);
    }

    @Bean
    IndicatorFiguresProjection indicatorFiguresProjection(JdbcTemplate jdbc) {
        return new IndicatorFiguresProjection(jdbc);
    }

    @Bean
    DemandBookProjection demandBookProjection(JdbcTemplate jdbc) {
        return new DemandBookProjection(jdbc);
    }

    /**
     * A segment that sees only events of other segments stores its token at this interval; a query
     * waiting for a position (read your writes) waits on the slowest segment, so keep it short.
     */
    @Bean
    ConfigurerModule readModelProcessors(@Value("${ledger.projections.token-store-interval-ms:500}") long interval,
                                         JdbcTemplate jdbc, CarefulWrites careful) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            // the ledger's only event handlers are the read models of ledger-projections: every group goes to it
            processing.assignProcessingGroup(group -> PROCESSOR);
            processing.registerPooledStreamingEventProcessorConfiguration(
                    (config, builder) -> builder.claimExtensionThreshold(interval)
                            .transactionManager(new ReadModelTransactions(config.getComponent(TransactionManager.class), jdbc, careful)));
        };
    }

    /**
     * Each read model's invoker: its handler methods called through {@link ReadModelHandlers}, which finds the
     * method for an event type once, where Axon's adapter would look anew for every event and segment; and its
     * dead-letter queue asked only about the contracts that may have dead letters, from a cache of
     * {@code cacheSize} contracts per segment, instead of at every event. (Axon keeps one such customization
     * per group, so both are made here, not the cache under {@code dlq.cache} in application.yml.) Every read
     * model has a dead-letter queue, as Axon customizes the invoker only of a group with one: a read model
     * without one would hold up all the others at its first failing event.
     */
    @Bean
    ConfigurerModule readModelInvokers(ListableBeanFactory beans, Environment settings, JdbcTemplate jdbc, CarefulWrites careful,
                                       @Value("${ledger.projections.dead-letter-cache-size:1024}") int cacheSize) {
        return configurer -> {
            Map<String, List<String>> groups = new TreeMap<>();
            for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
                groups.computeIfAbsent(beans.findAnnotationOnBean(bean, ProcessingGroup.class).value(), g -> new ArrayList<>())
                        .add(bean);
            }
            groups.forEach((group, names) -> {
                if (!settings.getProperty("axon.eventhandling.processors." + group + ".dlq.enabled", Boolean.class, false)) {
                    throw new IllegalStateException("the read model " + group + " has no dead-letter queue: give it one under "
                            + "axon.eventhandling.processors in application.yml, as the others have");
                }
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache()
                                .sequenceIdentifierCacheSize(cacheSize)
                                .eventHandlers(names.stream()
                                        .map(name -> new ReadModelHandlers(beans.getBean(name), config.parameterResolverFactory(),
                                                config.handlerDefinition(beans.getType(name)), jdbc, careful))
                                        .toList()));
            });
        };
    }

    @Bean
    RewardObligations rewardObligations(JdbcTemplate jdbc) {
        return new RewardObligations(jdbc);
    }

    @Bean
    Payouts payouts(JdbcTemplate jdbc) {
        return new Payouts(jdbc);
    }

    @Bean
    RewardTaxReport rewardTaxReport(JdbcTemplate jdbc) {
        return new RewardTaxReport(jdbc);
    }

    @Bean
    ContractVolumes contractVolumes(JdbcTemplate jdbc) {
        return new ContractVolumes(jdbc);
    }

    @Bean
    ContractCatalog contractCatalog(JdbcTemplate jdbc) {
        return new ContractCatalog(jdbc);
    }

    @Bean
    AchievementRegistry achievementRegistry(JdbcTemplate jdbc) {
        return new AchievementRegistry(jdbc);
    }

    @Bean
    IndicatorFigures indicatorFigures(JdbcTemplate jdbc) {
        return new IndicatorFigures(jdbc);
    }

    @Bean
    DemandBook demandBook(JdbcTemplate jdbc) {
        return new DemandBook(jdbc);
    }

    /** Dead letters per read model: anything above zero is an event a read model could not take. */
    @Bean
    Object deadLetterGauges(List<ReadModel> readModels, EventProcessingConfiguration processing, MeterRegistry meters) {
        for (ReadModel model : readModels) {
            Gauge.builder("ledger.projections.dead.letters", () -> processing.deadLetterQueue(model.name())
                            .map(queue -> (double) queue.amountOfSequences()).orElse(0.0))
                    .description("Contracts whose events wait in the dead-letter queue of a read model")
                    .tag("projection", model.name())
                    .register(meters);
        }
        return readModels;
    }
}
