package org.techtransfer.ledger.app.contract;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.projections.contract.ContractCatalog;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The contracts, searchable and filtered, newest first, a page at a time. Typing in the search box asks
 * htmx for the results alone ({@code HX-Request}), so the list follows without a page load.
 */
@ConsolePage
class ContractListPage {

    static final int PAGE_SIZE = 25;

    private final ContractCatalog catalog;
    private final Clock clock;

    ContractListPage(ContractCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/contracts")
    String contracts(@RequestParam(required = false) String institutionId,
                     @RequestParam(required = false) ContractKind kind,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) RewardStatus status,
                     @RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "0") int page,
                     HttpServletRequest request, Model model) {
        String scope = Access.institutionScope(blank(institutionId) ? null : institutionId.strip());
        ContractCatalog.Filter filter = new ContractCatalog.Filter(scope, kind, year, status, blank(q) ? null : q.strip());
        ContractCatalog.ContractPage found = catalog.find(filter, Math.max(page, 0), PAGE_SIZE, LocalDate.now(clock));
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", ContractKind.values());
        model.addAttribute("statuses", RewardStatus.values());
        return request.getHeader("HX-Request") != null ? "contracts/list :: results" : "contracts/list";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
