package org.techtransfer.ledger.app.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.export.Sheet;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.projections.indicator.IndicatorFiguresProjection;
import org.techtransfer.ledger.projections.statistics.ContractVolumeProjection;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.math.BigDecimal;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.CODE;
import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.PERCENT;

/** The plan's three indicators for a year (docs/api.md, {@code GET /statistics/indicators}). */
@RestController
public class IndicatorController {

    private static final String INDICATORS = "/api/v1/statistics/indicators";

    private final Indicators indicators;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;

    IndicatorController(Indicators indicators, ReadYourWrites readYourWrites, Exports exports) {
        this.indicators = indicators;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
    }

    @GetMapping(path = INDICATORS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Incubated enterprises, invention patents per 10,000 persons and technology contract amount "
            + "of a year, each with its target, percentage and figures; Accept: text/csv or XLSX")
    public Indicators.Answer indicators(@RequestParam(required = false) Integer year,
                                        @Parameter(description = "the incubators', patents' and sellers' region; all when absent")
                                        @RequestParam(required = false) String regionCode,
                                        @RequestParam(required = false) Long position) {
        if (year == null || year < 1949 || year > 9998) {
            throw new InvalidField("year", "is required, a year from 1949 to 9998");
        }
        if (regionCode != null) {
            Require.regionCode(regionCode, "regionCode");
        }
        // the three read models the indicators draw on, each past the position asked for
        readYourWrites.await(IndicatorFiguresProjection.NAME, position);
        readYourWrites.await(AchievementRegistryProjection.NAME, position);
        readYourWrites.await(ContractVolumeProjection.NAME, position);
        return indicators.of(year, regionCode);
    }

    @GetMapping(path = INDICATORS, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> indicatorsExport(@RequestParam(required = false) Integer year,
                                                   @RequestParam(required = false) String regionCode,
                                                   @RequestParam(required = false) Long position,
                                                   HttpServletRequest request, Locale locale) {
        return exports.answer(sheet(indicators(year, regionCode, position)), request, locale);
    }

    /**
     * One row per indicator; value and target as decimal numbers (the amount in yuan), with the figures each is
     * computed from. No total row: the three add up to nothing.
     */
    static Sheet sheet(Indicators.Answer a) {
        Sheet.Builder sheet = Sheet.of("indicators", new Sheet.Column("indicator", CODE),
                new Sheet.Column("value", PERCENT), new Sheet.Column("target", PERCENT),
                new Sheet.Column("percent", PERCENT), new Sheet.Column("inRegistry", COUNT),
                new Sheet.Column("patentStock", COUNT), new Sheet.Column("population", COUNT),
                new Sheet.Column("contracts", COUNT));
        Indicators.IncubatedEnterprises e = a.incubatedEnterprises();
        sheet.row("INCUBATED_ENTERPRISES", BigDecimal.valueOf(e.value()).setScale(2),
                e.target() == null ? null : BigDecimal.valueOf(e.target()).setScale(2), e.percent(), null, null, null, null);
        Indicators.InventionPatents p = a.inventionPatentsPer10000();
        sheet.row("INVENTION_PATENTS_PER_10000", p.value(), p.target() == null ? null : p.target().setScale(2),
                p.percent(), p.inRegistry(), p.patentStock(), p.population(), null);
        Indicators.ContractAmount m = a.technologyContractAmount();
        sheet.row("TECHNOLOGY_CONTRACT_AMOUNT", m.value().toBigDecimal(),
                m.target() == null ? null : m.target().toBigDecimal(), m.percent(), null, null, null, m.contracts());
        return sheet.withoutTotal();
    }
}
