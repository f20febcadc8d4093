package org.techtransfer.ledger.region;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/**
 * The invention patents in force in a region at the end of a year that the ledger's registry does not hold
 * (those of enterprises and institutions outside it), with where the figure comes from.
 *
 * @param recordId the command's own id: a corrected figure is a new record
 */
public record RecordPatentStock(String recordId, String regionCode, int year, long inventionPatents, String source)
        implements LedgerCommand {

    public RecordPatentStock {
        Require.id(recordId, "recordId");
        Require.regionCode(regionCode, "regionCode");
        RegionYear.year(year, "year");
        if (inventionPatents < 0) {
            throw new InvalidField("inventionPatents", "must be 0 or more");
        }
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
