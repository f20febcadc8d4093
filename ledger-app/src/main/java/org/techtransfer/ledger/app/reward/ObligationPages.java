package org.techtransfer.ledger.app.reward;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.coownership.CoOwnerObligations;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Reward obligations, overdue first, with their totals; a recorder sees its own institution's. Below them, the
 * obligations an institution has as co-owner of contracts another institution sold: on its own share, under its own
 * policy (the seller's share of a co-owned contract is already its row above); and its self-implementations'
 * obligations, at least 5% of each rewarded year's operating profit (issue 15).
 */
@ConsolePage
class ObligationPages {

    static final int PAGE_SIZE = 50;

    private final RewardObligations obligations;
    private final CoOwnerObligations coOwnerObligations;
    private final Exports exports;
    private final Clock clock;

    ObligationPages(RewardObligations obligations, CoOwnerObligations coOwnerObligations, Exports exports,
                    Clock clock) {
        this.obligations = obligations;
        this.coOwnerObligations = coOwnerObligations;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/obligations")
    String obligations(@RequestParam(required = false) String institutionId,
                       @RequestParam(required = false) RewardStatus status,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        String scope = Access.institutionScope(blankToNull(institutionId));
        List<RewardObligations.Obligation> rows = obligations.find(scope, status, null, LocalDate.now(clock));
        // a page of rows, the most urgent first; the totals are those of every row
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("rows", rows.subList(shown * PAGE_SIZE, Math.min(rows.size(), (shown + 1) * PAGE_SIZE)));
        model.addAttribute("count", rows.size());
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("institutionId", scope);
        model.addAttribute("status", status);
        model.addAttribute("statuses", RewardStatus.values());
        model.addAttribute("totals", new RewardObligations.Obligation(null, null,
                sum(rows, RewardObligations.Obligation::netIncome), sum(rows, RewardObligations.Obligation::requiredReward),
                sum(rows, RewardObligations.Obligation::rewardDecided), sum(rows, RewardObligations.Obligation::rewardPaid),
                sum(rows, RewardObligations.Obligation::outstanding), null, null,
                rows.stream().mapToLong(RewardObligations.Obligation::sharesReceived).sum(),
                rows.stream().mapToLong(RewardObligations.Obligation::requiredShares).sum(),
                rows.stream().mapToLong(RewardObligations.Obligation::sharesAllocated).sum(),
                rows.stream().mapToLong(RewardObligations.Obligation::sharesOutstanding).sum(), null,
                rows.stream().map(RewardObligations.Obligation::rewardPending).filter(java.util.Objects::nonNull)
                        .reduce(Money.ZERO, Money::plus), null));
        List<CoOwnerObligations.CoOwnerObligation> asCoOwner = coOwnerObligations.find(scope, LocalDate.now(clock)).stream()
                .filter(o -> !o.institutionId().equals(o.sellerId())).toList();
        model.addAttribute("coOwned", asCoOwner);
        List<RewardObligations.ImplementationObligation> implementations =
                obligations.implementations(scope, null, LocalDate.now(clock));
        model.addAttribute("implementations", implementations);
        model.addAttribute("implementationsOutstanding", implementations.stream()
                .map(RewardObligations.ImplementationObligation::outstanding).reduce(Money.ZERO, Money::plus));
        model.addAttribute("coOwnedRequired", asCoOwner.stream().map(CoOwnerObligations.CoOwnerObligation::requiredReward)
                .reduce(Money.ZERO, Money::plus));
        return "obligations";
    }

    /** The same rows as a spreadsheet to download: {@code format=xlsx} or {@code csv}. */
    @GetMapping("/obligations/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String institutionId,
                                  @RequestParam(required = false) RewardStatus status,
                                  @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        String scope = Access.institutionScope(blankToNull(institutionId));
        return exports.answer(ObligationController.sheet(obligations.find(scope, status, null, LocalDate.now(clock))),
                !"csv".equals(format), locale);
    }

    private static Money sum(List<RewardObligations.Obligation> rows,
                             java.util.function.Function<RewardObligations.Obligation, Money> figure) {
        return rows.stream().map(figure).reduce(Money.ZERO, Money::plus);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
