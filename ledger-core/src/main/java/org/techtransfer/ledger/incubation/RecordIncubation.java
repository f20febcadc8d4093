package org.techtransfer.ledger.incubation;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An incubating institution records an enterprise it incubates.
 *
 * @param creditCode  the enterprise's unified social credit code (统一社会信用代码): 18 characters
 * @param graduatedOn optional: when the enterprise left the incubator as a graduate
 */
public record RecordIncubation(String incubationId, String incubatorInstitutionId, String enterpriseName,
                               String creditCode, LocalDate enteredOn, LocalDate graduatedOn) implements LedgerCommand {

    /** GB 32100-2015: digits and capital letters without I, O, Z, S, V. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    public RecordIncubation {
        Require.id(incubationId, "incubationId");
        Require.id(incubatorInstitutionId, "incubatorInstitutionId");
        Require.text(enterpriseName, "enterpriseName");
        Require.present(creditCode, "creditCode");
        if (!CREDIT_CODE.matcher(creditCode).matches()) {
            throw new InvalidField("creditCode", "must be 18 digits or capital letters (not I, O, Z, S, V)");
        }
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
