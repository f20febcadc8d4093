package org.techtransfer.ledger.region;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

/**
 * The resident population (常住人口) of a region in a year, with where the figure comes from.
 *
 * @param recordId the command's own id: a corrected figure is a new record
 */
public record RecordPopulation(String recordId, String regionCode, int year, long population, String source)
        implements LedgerCommand {

    public RecordPopulation {
        Require.id(recordId, "recordId");
        Require.regionCode(regionCode, "regionCode");
        RegionYear.year(year, "year");
        Require.positive(population, "population");
        RegionYear.source(source);
    }

    @Override
    public String aggregateId() {
        return RegionYear.streamOf(regionCode, year);
    }

    @Override
    public String ownId() {
        return recordId;
    }
}
