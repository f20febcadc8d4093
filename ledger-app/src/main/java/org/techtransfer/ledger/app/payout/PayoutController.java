package org.techtransfer.ledger.app.payout;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.projections.payout.PayoutProjection;
import org.techtransfer.ledger.projections.payout.Payouts;

import java.time.LocalDate;
import java.util.List;

@RestController
public class PayoutController {

    private static final String CSV = "text/csv";

    private final Payouts payouts;
    private final ReadYourWrites readYourWrites;

    PayoutController(Payouts payouts, ReadYourWrites readYourWrites) {
        this.payouts = payouts;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping(path = "/api/v1/payouts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Allocations and payments per person (FINANCE, AUDITOR, ADMIN); Accept: text/csv for a spreadsheet")
    public List<Payouts.PersonPayout> payouts(@RequestParam(required = false) String personId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) Long position) {
        readYourWrites.await(PayoutProjection.NAME, position);
        return payouts.find(personId, from, to);
    }

    /** One line per item, amounts with two decimals, UTF-8 with a byte-order mark so spreadsheets read names right. */
    @GetMapping(path = "/api/v1/payouts", produces = CSV)
    public ResponseEntity<String> payoutsCsv(@RequestParam(required = false) String personId,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             @RequestParam(required = false) Long position) {
        readYourWrites.await(PayoutProjection.NAME, position);
        StringBuilder csv = new StringBuilder("\uFEFFpersonId,contractId,kind,decisionId,paymentId,amount,date,reference\r\n");
        for (Payouts.PersonPayout person : payouts.find(personId, from, to)) {
            for (Payouts.Item item : person.items()) {
                csv.append(cell(person.personId())).append(',').append(cell(item.contractId())).append(',')
                        .append(item.kind()).append(',').append(cell(item.decisionId())).append(',')
                        .append(cell(item.paymentId())).append(',').append(item.amount()).append(',')
                        .append(item.date()).append(',').append(cell(item.reference())).append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"payouts.csv\"").body(csv.toString());
    }

    /**
     * RFC 4180 quoting; a leading {@code = + - @} is neutralised so a spreadsheet never runs a cell as a formula.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
