package org.techtransfer.ledger.app.statistics;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Contract turnover (成交额) and technology transaction amount (技术交易额) by any grouping, and the targets. */
@ConsolePage
class StatisticsPages {

    private final ContractVolumes volumes;
    private final TargetsProperties targets;
    private final Exports exports;

    StatisticsPages(ContractVolumes volumes, TargetsProperties targets, Exports exports) {
        this.volumes = volumes;
        this.targets = targets;
        this.exports = exports;
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(defaultValue = "YEAR") ContractVolumes.Grouping groupBy,
                      @RequestParam(required = false) Integer year, Model model) {
        List<ContractVolumes.Volume> rows = volumes.grouped(groupBy, year);
        model.addAttribute("rows", rows);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groupings", Arrays.asList(ContractVolumes.Grouping.values()));
        model.addAttribute("year", year);
        model.addAttribute("total", new ContractVolumes.Volume(null,
                rows.stream().mapToLong(ContractVolumes.Volume::contracts).sum(),
                rows.stream().map(ContractVolumes.Volume::totalAmount).reduce(Money.ZERO, Money::plus),
                rows.stream().map(ContractVolumes.Volume::technologyAmount).reduce(Money.ZERO, Money::plus)));
        model.addAttribute("progress", targets.targetsOrDefault().stream()
                .map(t -> volumes.progress(t.period(), Money.of(t.amount()))).toList());
        return "statistics";
    }

    /** The volumes as a spreadsheet to download: {@code format=xlsx} or {@code csv}. */
    @GetMapping("/statistics/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "YEAR") ContractVolumes.Grouping groupBy,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        return exports.answer(StatisticsController.volumeSheet(groupBy, volumes.grouped(groupBy, year)),
                !"csv".equals(format), locale);
    }
}
