package org.techtransfer.ledger.app.payout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.export.Sheet;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.projections.payout.PayoutProjection;
import org.techtransfer.ledger.projections.payout.Payouts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.CODE;
import static org.techtransfer.ledger.app.export.Sheet.Type.DATE;
import static org.techtransfer.ledger.app.export.Sheet.Type.MONEY;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

@RestController
public class PayoutController {

    private static final String PATH = "/api/v1/payouts";

    private final Payouts payouts;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;

    PayoutController(Payouts payouts, ReadYourWrites readYourWrites, Exports exports) {
        this.payouts = payouts;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Allocations and payments per person (every role; a RECORDER those of its institution's "
            + "contracts); Accept: text/csv or XLSX for a spreadsheet")
    public List<Payouts.PersonPayout> payouts(@RequestParam(required = false) String personId,
                                              @Parameter(description = "only the items of this seller's contracts")
                                              @RequestParam(required = false) String institutionId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) Long position) {
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(PayoutProjection.NAME, position);
        return payouts.find(personId, scope, from, to);
    }

    /** One row per item, allocations and payments in columns of their own so that the total row adds up each. */
    @GetMapping(path = PATH, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String personId,
                                         @RequestParam(required = false) String institutionId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) Long position,
                                         HttpServletRequest request, Locale locale) {
        return exports.answer(sheet(payouts(personId, institutionId, from, to, position)), request, locale);
    }

    /** The items as a spreadsheet, allocations and payments in columns of their own: the API's export and the console's. */
    static Sheet sheet(List<Payouts.PersonPayout> people) {
        Sheet.Builder sheet = Sheet.of("payouts", new Sheet.Column("personId", TEXT), new Sheet.Column("personName", TEXT),
                new Sheet.Column("institutionId", TEXT), new Sheet.Column("contractId", TEXT), new Sheet.Column("kind", CODE),
                new Sheet.Column("decisionId", TEXT), new Sheet.Column("paymentId", TEXT), new Sheet.Column("date", DATE),
                new Sheet.Column("reference", TEXT), new Sheet.Column("allocated", MONEY), new Sheet.Column("paid", MONEY),
                new Sheet.Column("implementationId", TEXT));
        for (Payouts.PersonPayout person : people) {
            for (Payouts.Item item : person.items()) {
                boolean payment = item.paymentId() != null;
                sheet.row(person.personId(), item.personName(), item.institutionId(), item.contractId(), item.kind(),
                        item.decisionId(), item.paymentId(), item.date(), item.reference(),
                        payment ? null : item.amount(), payment ? item.amount() : null, item.implementationId());
            }
        }
        return sheet.withTotal();
    }
}
