package org.techtransfer.ledger.region;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The reference figures of one region for one year that the indicators divide by or add: its resident
 * population and the invention patents held outside the ledger's institutions. Recorded by the administrator,
 * each with its source; a later record of the same figure replaces the earlier one.
 */
public class RegionYear {

    private static final String STREAM = "region/";

    @AggregateIdentifier
    private String streamId;
    private long version = -1;

    protected RegionYear() {
        // for Axon, and for the first figure of a region and year
    }

    /** Its events' stream: one per region and year. */
    public static String streamOf(String regionCode, int year) {
        return STREAM + regionCode + "/" + year;
    }

    /** The years a figure may be recorded for: the plan's and any the ledger will see. */
    static int year(int year, String field) {
        if (year < 1949 || year > 9998) {
            throw new InvalidField(field, "must be a year from 1949 to 9998");
        }
        return year;
    }

    static String source(String source) {
        return Require.text(source, "source");
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordPopulation command) {
        apply(new PopulationRecorded(command.regionCode(), command.year(), command.recordId(), command.population(),
                command.source()));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordPatentStock command) {
        apply(new PatentStockRecorded(command.regionCode(), command.year(), command.recordId(),
                command.inventionPatents(), command.source()));
        return version;
    }

    @EventSourcingHandler
    void on(PopulationRecorded event) {
        streamId = streamOf(event.regionCode(), event.year());
        version++;
    }

    @EventSourcingHandler
    void on(PatentStockRecorded event) {
        streamId = streamOf(event.regionCode(), event.year());
        version++;
    }
}
