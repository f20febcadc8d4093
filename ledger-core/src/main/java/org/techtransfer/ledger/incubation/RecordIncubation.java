package org.techtransfer.ledger.incubation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/**
 * An incubating institution records an enterprise it incubates.
 *
 * @param creditCode  the enterprise's unified social credit code (统一社会信用代码): 18 characters
 * @param graduatedOn optional: when the enterprise left the incubator as a graduate
 */
public record RecordIncubation(String incubationId, String incubatorInstitutionId, String enterpriseName,
                               String creditCode, LocalDate enteredOn, LocalDate graduatedOn) implements LedgerCommand {

    public RecordIncubation {
        Require.id(incubationId, "incubationId");
        Require.id(incubatorInstitutionId, "incubatorInstitutionId");
        Require.text(enterpriseName, "enterpriseName");
        Require.creditCode(creditCode, "creditCode");
        Require.present(enteredOn, "enteredOn");
    }

    @Override
    public String aggregateId() {
        return Incubation.streamOf(incubationId);
    }

    @Override
    public String ownId() {
        return incubationId;
    }
}
