package org.techtransfer.ledger.app.statistics;

import org.springframework.stereotype.Service;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.indicator.IndicatorFigures;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The Huairou plan's three indicators for a year (docs/api.md, {@code GET /statistics/indicators}). */
@Service
public class Indicators {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    /**
     * @param regionCode null: every region; the incubators', the patents' and the sellers' region otherwise
     */
    public record Answer(int year, String regionCode, IncubatedEnterprises incubatedEnterprises,
                         InventionPatents inventionPatentsPer10000, ContractAmount technologyContractAmount) {
    }

    /** Enterprises in incubation at some time of the year; {@code entered} and {@code graduated} within it. */
    public record IncubatedEnterprises(long value, Long target, BigDecimal percent, long entered, long graduated,
                                       List<IndicatorFigures.PerIncubator> incubators) {
    }

    /**
     * (registry + patent stock) per 10,000 residents, two decimals rounded down; null without a population.
     *
     * @param inRegistry the registry's invention patents granted by the end of the year
     */
    public record InventionPatents(BigDecimal value, BigDecimal target, BigDecimal percent, long inRegistry,
                                   Long patentStock, List<String> stockSources, Long population,
                                   List<String> populationSources) {
    }

    /** The contract volume (成交额) of the contracts signed in the year, as {@code /statistics/targets} counts it. */
    public record ContractAmount(Money value, Money target, BigDecimal percent, long contracts,
                                 Money technologyAmount) {
    }

    private final IndicatorFigures figures;
    private final AchievementRegistry registry;
    private final ContractVolumes volumes;
    private final IndicatorTargetsProperties indicatorTargets;
    private final TargetsProperties volumeTargets;

    Indicators(IndicatorFigures figures, AchievementRegistry registry, ContractVolumes volumes,
               IndicatorTargetsProperties indicatorTargets, TargetsProperties volumeTargets) {
        this.figures = figures;
        this.registry = registry;
        this.volumes = volumes;
        this.indicatorTargets = indicatorTargets;
        this.volumeTargets = volumeTargets;
    }

    public Answer of(int year, String regionCode) {
        IndicatorTargetsProperties.YearTargets targets = indicatorTargets.of(year).orElse(null);

        IndicatorFigures.Incubated incubated = figures.incubated(year, regionCode);
        Long incubatedTarget = targets == null ? null : targets.incubatedEnterprises();
        IncubatedEnterprises enterprises = new IncubatedEnterprises(incubated.enterprises(), incubatedTarget,
                incubatedTarget == null ? null : percent(BigDecimal.valueOf(incubated.enterprises()), BigDecimal.valueOf(incubatedTarget)),
                incubated.entered(), incubated.graduated(), incubated.incubators());

        long inRegistry = registry.inventionPatentsInForce(year, regionCode);
        IndicatorFigures.RegionFigures region = figures.region(year, regionCode);
        long patents = inRegistry + (region.patentStock() == null ? 0 : region.patentStock());
        // rounded down, like every percentage here: a target is not reported as reached before it is
        BigDecimal perTenThousand = region.population() == null ? null : BigDecimal.valueOf(patents)
                .multiply(TEN_THOUSAND).divide(BigDecimal.valueOf(region.population()), 2, RoundingMode.DOWN);
        BigDecimal patentTarget = targets == null ? null : targets.inventionPatentsPer10000();
        InventionPatents inventionPatents = new InventionPatents(perTenThousand, patentTarget,
                perTenThousand == null || patentTarget == null ? null : percent(perTenThousand, patentTarget),
                inRegistry, region.patentStock(), region.stockSources(), region.population(), region.populationSources());

        ContractVolumes.Volume volume = volumes.ofYear(year, regionCode);
        Money amountTarget = volumeTargets.targetsOrDefault().stream()
                .filter(t -> t.period().equals(Integer.toString(year))).findFirst()
                .map(t -> Money.of(t.amount())).orElse(null);
        ContractAmount amount = new ContractAmount(volume.totalAmount(), amountTarget,
                amountTarget == null ? null : percent(volume.totalAmount().toBigDecimal(), amountTarget.toBigDecimal()),
                volume.contracts(), volume.technologyAmount());

        return new Answer(year, regionCode, enterprises, inventionPatents, amount);
    }

    private static BigDecimal percent(BigDecimal value, BigDecimal target) {
        return value.multiply(HUNDRED).divide(target, 2, RoundingMode.DOWN);
    }
}
