package org.techtransfer.ledger.app.reward;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Reward obligations, overdue first, with their totals; a recorder sees its own institution's. */
@ConsolePage
class ObligationPages {

    private final RewardObligations obligations;
    private final Clock clock;

    ObligationPages(RewardObligations obligations, Clock clock) {
        this.obligations = obligations;
        this.clock = clock;
    }

    @GetMapping("/obligations")
    String obligations(@RequestParam(required = false) String institutionId,
                       @RequestParam(required = false) RewardStatus status, Model model) {
        LedgerUser me = Access.currentUser();
        String scope = me.role() == Role.RECORDER ? me.institutionId() : blankToNull(institutionId);
        List<RewardObligations.Obligation> rows = obligations.find(scope, status, null, LocalDate.now(clock));
        model.addAttribute("rows", rows);
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
                rows.stream().mapToLong(RewardObligations.Obligation::sharesOutstanding).sum(), null));
        return "obligations";
    }

    private static Money sum(List<RewardObligations.Obligation> rows,
                             java.util.function.Function<RewardObligations.Obligation, Money> figure) {
        return rows.stream().map(figure).reduce(Money.ZERO, Money::plus);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
