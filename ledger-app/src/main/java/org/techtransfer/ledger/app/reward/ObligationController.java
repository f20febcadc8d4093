package org.techtransfer.ledger.app.reward;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
public class ObligationController {

    private final RewardObligations obligations;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ObligationController(RewardObligations obligations, ReadYourWrites readYourWrites, Clock clock) {
        this.obligations = obligations;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/api/v1/rewards/obligations")
    @Operation(summary = "Reward obligations, one row per contract, overdue first (FINANCE, AUDITOR, ADMIN)")
    public List<RewardObligations.Obligation> obligations(
            @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) RewardStatus status,
            @Parameter(description = "only contracts whose share obligation is in this status (extra)")
            @RequestParam(required = false) RewardStatus equityStatus,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        readYourWrites.await(RewardObligationProjection.NAME, position);
        return obligations.find(institutionId, status, equityStatus, LocalDate.now(clock));
    }
}
