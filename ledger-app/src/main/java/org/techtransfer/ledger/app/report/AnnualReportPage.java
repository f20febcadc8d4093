package org.techtransfer.ledger.app.report;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.security.Access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** The annual transformation report as a printable page, and its spreadsheet (issue 23). */
@ConsolePage
class AnnualReportPage {

    private final AnnualReports reports;
    private final Exports exports;
    private final Clock clock;

    AnnualReportPage(AnnualReports reports, Exports exports, Clock clock) {
        this.reports = reports;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/reports/annual")
    String page(@RequestParam(required = false) String institutionId, @RequestParam(required = false) Integer year,
                Model model) {
        String scope = Access.institutionScope(blank(institutionId) ? null : institutionId);
        int shown = year != null ? year : LocalDate.now(clock).getYear() - 1;
        model.addAttribute("institutionId", scope);
        model.addAttribute("year", shown);
        model.addAttribute("report", scope == null ? null : reports.report(scope, shown, null));
        return "annual-report";
    }

    @GetMapping("/reports/annual/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String institutionId, @RequestParam int year,
                                  Locale locale) {
        return exports.answer(AnnualReports.sheet(reports.report(blank(institutionId) ? null : institutionId, year,
                null)), true, locale);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
