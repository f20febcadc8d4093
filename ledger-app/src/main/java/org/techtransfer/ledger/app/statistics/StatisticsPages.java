package org.techtransfer.ledger.app.statistics;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.demand.DemandBook;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Contract turnover (成交额) and technology transaction amount (技术交易额) by any grouping, and the targets; the
 * plan's indicators; the reserve library's and the demands' regular statistics.
 */
@ConsolePage
class StatisticsPages {

    private final ContractVolumes volumes;
    private final TargetsProperties targets;
    private final Exports exports;
    private final Indicators indicators;
    private final AchievementRegistry registry;
    private final DemandBook demands;
    private final Clock clock;

    StatisticsPages(ContractVolumes volumes, TargetsProperties targets, Exports exports, Indicators indicators,
                    AchievementRegistry registry, DemandBook demands, Clock clock) {
        this.volumes = volumes;
        this.targets = targets;
        this.exports = exports;
        this.indicators = indicators;
        this.registry = registry;
        this.demands = demands;
        this.clock = clock;
    }

    /** The reserve library's and the demands' regular statistics, by period or another grouping, of a year or all. */
    @GetMapping("/statistics/library")
    String library(@RequestParam(defaultValue = "YEAR") AchievementRegistry.Grouping groupBy,
                   @RequestParam(defaultValue = "YEAR") DemandBook.Grouping demandsBy,
                   @RequestParam(required = false) Integer year, Model model) {
        Integer shown = year == null ? null : yearOrThis(year);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groupings", AchievementRegistry.Grouping.values());
        model.addAttribute("achievements", registry.grouped(groupBy, shown, clock.getZone()));
        model.addAttribute("demandsBy", demandsBy);
        model.addAttribute("demandGroupings", DemandBook.Grouping.values());
        model.addAttribute("demands", demands.grouped(demandsBy, shown));
        model.addAttribute("year", shown);
        return "library-statistics";
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

    /** The plan's three indicators of a year (this year by default), of a region or of all. */
    @GetMapping("/statistics/indicators")
    String indicators(@RequestParam(required = false) Integer year, @RequestParam(required = false) String regionCode,
                      Model model) {
        int shown = yearOrThis(year);
        String region = region(regionCode);
        model.addAttribute("year", shown);
        model.addAttribute("regionCode", region);
        model.addAttribute("indicators", indicators.of(shown, region));
        return "indicators";
    }

    @GetMapping("/statistics/indicators/export")
    ResponseEntity<byte[]> indicatorsExport(@RequestParam(required = false) Integer year,
                                            @RequestParam(required = false) String regionCode,
                                            @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        return exports.answer(IndicatorController.sheet(indicators.of(yearOrThis(year), region(regionCode))),
                !"csv".equals(format), locale);
    }

    private int yearOrThis(Integer year) {
        if (year == null) {
            return LocalDate.now(clock).getYear();
        }
        if (year < 1949 || year > 9998) {
            throw new InvalidField("year", "must be a year from 1949 to 9998");
        }
        return year;
    }

    /** An empty field of the form means every region. */
    private static String region(String regionCode) {
        return regionCode == null || regionCode.isBlank() ? null : Require.regionCode(regionCode, "regionCode");
    }
}
