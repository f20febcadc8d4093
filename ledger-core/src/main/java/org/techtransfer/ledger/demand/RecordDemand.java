package org.techtransfer.ledger.demand;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * Records an enterprise's technology demand: what it needs, in which field, with what budget.
 *
 * @param serviceInstitutionId the registered institution whose connection service took the demand in; its recorders
 *                             record the demand's matches
 * @param creditCode           the enterprise's unified social credit code (统一社会信用代码)
 * @param regionCode           where the enterprise is
 * @param publishedOn          the day the demand was published or taken in
 */
public record RecordDemand(String demandId, String serviceInstitutionId, String enterpriseName, String creditCode,
                           String regionCode, String need, String technologyField, Money budget, LocalDate publishedOn)
        implements LedgerCommand {

    public RecordDemand {
        Require.id(demandId, "demandId");
        Require.id(serviceInstitutionId, "serviceInstitutionId");
        Require.text(enterpriseName, "enterpriseName");
        Require.creditCode(creditCode, "creditCode");
        Require.regionCode(regionCode, "regionCode");
        Require.text(need, "need");
        Require.text(technologyField, "technologyField");
        Require.positive(budget, "budget");
        Require.present(publishedOn, "publishedOn");
    }

    @Override
    public String aggregateId() {
        return TechnologyDemand.streamOf(demandId);
    }

    @Override
    public String ownId() {
        return demandId;
    }
}
