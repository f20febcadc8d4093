package org.techtransfer.ledger.app.overview;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.statistics.TargetsProperties;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The overview a person sees after signing in: what is on record, what is overdue, the district's target. */
@ConsolePage
class HomePage {

    private final RewardObligations obligations;
    private final ContractVolumes volumes;
    private final TargetsProperties targets;
    private final Clock clock;

    HomePage(RewardObligations obligations, ContractVolumes volumes, TargetsProperties targets, Clock clock) {
        this.obligations = obligations;
        this.volumes = volumes;
        this.targets = targets;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        LedgerUser me = Access.currentUser();
        // a recorder sees its own institution's contracts only, as everywhere
        List<RewardObligations.Obligation> rows = obligations.find(me.institutionId(), null, null, LocalDate.now(clock));
        long overdue = rows.stream().filter(o -> o.status() == RewardStatus.OVERDUE).count();
        Money outstanding = rows.stream().map(RewardObligations.Obligation::outstanding).reduce(Money.ZERO, Money::plus);
        model.addAttribute("contracts", rows.size());
        model.addAttribute("overdue", overdue);
        model.addAttribute("outstanding", outstanding);
        if (me.role() != Role.RECORDER) {
            model.addAttribute("progress", targets.targetsOrDefault().stream()
                    .map(t -> volumes.progress(t.period(), Money.of(t.amount()))).toList());
        }
        return "home";
    }
}
