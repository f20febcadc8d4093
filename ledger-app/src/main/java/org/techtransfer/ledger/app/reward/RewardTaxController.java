package org.techtransfer.ledger.app.reward;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.payout.PayoutController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardTaxReport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /reports/reward-tax} (issue 22): per person, the cash paid in a year that qualifies for the reduced
 * wage tax and the other, each payment with its tag. FINANCE, AUDITOR and ADMIN read every institution; a
 * RECORDER its own only, which it gets when it names none.
 */
@RestController
public class RewardTaxController {

    private final RewardTaxReport report;
    private final ReadYourWrites readYourWrites;

    RewardTaxController(RewardTaxReport report, ReadYourWrites readYourWrites) {
        this.report = report;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(path = "/api/v1/reports/reward-tax", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cash rewards paid in a year per person, qualifying for the reduced wage tax (Caishui [2018]"
            + " No. 58) or not (FINANCE, AUDITOR, ADMIN; RECORDER: own institution); Accept: text/csv for a spreadsheet")
    public List<RewardTaxReport.PersonTax> rewardTax(@RequestParam int year,
                                                     @RequestParam(required = false) String institutionId,
                                                     @RequestParam(required = false) Long position) {
        return find(year, institutionId, position);
    }

    /** One line per payment, UTF-8 with a byte-order mark, cells quoted as the payouts' CSV quotes them. */
    @GetMapping(path = "/api/v1/reports/reward-tax", produces = "text/csv")
    public ResponseEntity<String> rewardTaxCsv(@RequestParam int year,
                                               @RequestParam(required = false) String institutionId,
                                               @RequestParam(required = false) Long position) {
        StringBuilder csv = new StringBuilder(
                "\uFEFFpersonId,contractId,paymentId,institutionId,amount,paidOn,qualifies,reason\r\n");
        for (RewardTaxReport.PersonTax person : find(year, institutionId, position)) {
            for (RewardTaxReport.TaxedPayment p : person.payments()) {
                csv.append(PayoutController.cell(person.personId())).append(',')
                        .append(PayoutController.cell(p.contractId())).append(',')
                        .append(PayoutController.cell(p.paymentId())).append(',')
                        .append(PayoutController.cell(p.institutionId())).append(',').append(p.amount()).append(',')
                        .append(p.paidOn()).append(',').append(p.reducedWageTax().qualifies()).append(',')
                        .append(p.reducedWageTax().reason() == null ? "" : p.reducedWageTax().reason()).append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"reward-tax-" + year + ".csv\"")
                .body(csv.toString());
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
