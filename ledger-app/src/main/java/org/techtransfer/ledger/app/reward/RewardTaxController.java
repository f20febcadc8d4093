package org.techtransfer.ledger.app.reward;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.export.Sheet;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardTaxReport;

import java.util.List;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.CODE;
import static org.techtransfer.ledger.app.export.Sheet.Type.DATE;
import static org.techtransfer.ledger.app.export.Sheet.Type.MONEY;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

/**
 * {@code GET /reports/reward-tax} (issue 22): per person, the cash paid in a year that qualifies for the reduced
 * wage tax and the other, each payment with its tag. FINANCE, AUDITOR and ADMIN read every institution; a
 * RECORDER its own only, which it gets when it names none.
 */
@RestController
public class RewardTaxController {

    private final RewardTaxReport report;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;

    RewardTaxController(RewardTaxReport report, ReadYourWrites readYourWrites, Exports exports) {
        this.report = report;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
    }

    @GetMapping(path = "/api/v1/reports/reward-tax", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cash rewards paid in a year per person, qualifying for the reduced wage tax (Caishui [2018]"
            + " No. 58) or not (FINANCE, AUDITOR, ADMIN; RECORDER: own institution); Accept: text/csv or XLSX")
    public List<RewardTaxReport.PersonTax> rewardTax(@RequestParam int year,
                                                     @RequestParam(required = false) String institutionId,
                                                     @RequestParam(required = false) Long position) {
        return find(year, institutionId, position);
    }

    /** One line per payment, the amount in the column of its treatment, a total row; CSV or XLSX (Exports). */
    @GetMapping(path = "/api/v1/reports/reward-tax", produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> rewardTaxExport(@RequestParam int year,
                                                  @RequestParam(required = false) String institutionId,
                                                  @RequestParam(required = false) Long position,
                                                  HttpServletRequest request, Locale locale) {
        Sheet.Builder sheet = Sheet.of("reward-tax", new Sheet.Column("personId", TEXT),
                new Sheet.Column("contractId", TEXT), new Sheet.Column("paymentId", TEXT),
                new Sheet.Column("institutionId", TEXT), new Sheet.Column("paidOn", DATE),
                new Sheet.Column("qualifying", MONEY), new Sheet.Column("other", MONEY), new Sheet.Column("reason", CODE),
                new Sheet.Column("implementationId", TEXT));
        for (RewardTaxReport.PersonTax person : find(year, institutionId, position)) {
            for (RewardTaxReport.TaxedPayment p : person.payments()) {
                boolean qualifies = p.reducedWageTax().qualifies();
                sheet.row(person.personId(), p.contractId(), p.paymentId(), p.institutionId(), p.paidOn(),
                        qualifies ? p.amount() : null, qualifies ? null : p.amount(), p.reducedWageTax().reason(),
                        p.implementationId());
            }
        }
        return exports.answer(sheet.withTotal(), request, locale);
    }

    private List<RewardTaxReport.PersonTax> find(int year, String institutionId, Long position) {
        LedgerUser user = Access.currentUser();
        String scope = institutionId;
        if (user.role() == Role.RECORDER) {
            if (institutionId != null && !institutionId.equals(user.institutionId())) {
                throw new AccessDeniedException("you may not read the payments of institution " + institutionId);
            }
            scope = user.institutionId();
        }
        readYourWrites.await(RewardObligationProjection.NAME, position);
        return report.find(year, scope);
    }
}
