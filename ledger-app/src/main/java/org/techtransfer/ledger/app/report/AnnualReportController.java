package org.techtransfer.ledger.app.report;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.report.AnnualTransformation;

import java.util.Locale;

/**
 * {@code GET /reports/annual-transformation} (issue 23): the yearly report of an institution on its achievements,
 * their transformation and the distribution of the income (Law Art. 21). FINANCE, AUDITOR and ADMIN name the
 * institution; a RECORDER (or APPROVER) reads its own.
 */
@RestController
public class AnnualReportController {

    private final AnnualReports reports;
    private final Exports exports;

    AnnualReportController(AnnualReports reports, Exports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping(path = "/api/v1/reports/annual-transformation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An institution's annual report on the transformation of its achievements and the "
            + "distribution of the income (Law Art. 21); Accept: XLSX for a spreadsheet")
    public AnnualTransformation.AnnualReport annualTransformation(@RequestParam(required = false) String institutionId,
                                                                  @RequestParam int year,
                                                                  @RequestParam(required = false) Long position) {
        return reports.report(institutionId, year, position);
    }

    @GetMapping(path = "/api/v1/reports/annual-transformation", produces = Exports.XLSX)
    public ResponseEntity<byte[]> annualTransformationXlsx(@RequestParam(required = false) String institutionId,
                                                           @RequestParam int year,
                                                           @RequestParam(required = false) Long position, Locale locale) {
        return exports.answer(AnnualReports.sheet(reports.report(institutionId, year, position)), true, locale);
    }
}
