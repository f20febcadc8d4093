package org.techtransfer.ledger.app.statistics;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.statistics.ContractVolumeProjection;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;
import org.techtransfer.ledger.rule.InvalidField;

import java.util.List;

@RestController
public class StatisticsController {

    private final ContractVolumes volumes;
    private final TargetsProperties targets;
    private final ReadYourWrites readYourWrites;

    StatisticsController(ContractVolumes volumes, TargetsProperties targets, ReadYourWrites readYourWrites) {
        this.volumes = volumes;
        this.targets = targets;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/v1/statistics/volume")
    @Operation(summary = "Contract volume (成交额) and technology transaction volume (技术交易额), grouped "
            + "(year, quarter, month, kind, field, institution, sellerType, buyerRegion, flow)")
    public List<ContractVolumes.Volume> volume(@RequestParam(defaultValue = "year") String groupBy,
                                               @RequestParam(required = false) Integer year,
                                               @RequestParam(required = false) Long position) {
        ContractVolumes.Grouping grouping = ContractVolumes.Grouping.named(groupBy)
                .orElseThrow(() -> new InvalidField("groupBy", "must be one of year, quarter, month, kind, field, "
                        + "institution, sellerType, buyerRegion, flow"));
        readYourWrites.await(ContractVolumeProjection.NAME, position);
        return volumes.grouped(grouping, year);
    }

    @GetMapping("/api/v1/statistics/targets")
    @Operation(summary = "Each configured target (ledger.targets) with the contract volume achieved and the percentage")
    public List<ContractVolumes.Progress> targets(@RequestParam(required = false) Long position) {
        readYourWrites.await(ContractVolumeProjection.NAME, position);
        return targets.targetsOrDefault().stream()
                .map(t -> volumes.progress(t.period(), Money.of(t.amount())))
                .toList();
    }
}
