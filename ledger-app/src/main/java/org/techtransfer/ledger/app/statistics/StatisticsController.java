package org.techtransfer.ledger.app.statistics;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.export.Sheet;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.statistics.ContractVolumeProjection;
import org.techtransfer.ledger.projections.statistics.ContractVolumes;
import org.techtransfer.ledger.rule.InvalidField;

import java.util.List;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.MONEY;
import static org.techtransfer.ledger.app.export.Sheet.Type.PERCENT;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

@RestController
public class StatisticsController {

    private static final String VOLUME = "/api/v1/statistics/volume";
    private static final String TARGETS = "/api/v1/statistics/targets";

    private final ContractVolumes volumes;
    private final TargetsProperties targets;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;

    StatisticsController(ContractVolumes volumes, TargetsProperties targets, ReadYourWrites readYourWrites, Exports exports) {
        this.volumes = volumes;
        this.targets = targets;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
    }

    @GetMapping(path = VOLUME, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contract volume (成交额) and technology transaction volume (技术交易额), grouped "
            + "(year, quarter, month, kind, field, institution, sellerType, buyerRegion, flow); Accept: text/csv or XLSX")
    public List<ContractVolumes.Volume> volume(@RequestParam(defaultValue = "year") String groupBy,
                                               @RequestParam(required = false) Integer year,
                                               @RequestParam(required = false) Long position) {
        ContractVolumes.Grouping grouping = grouping(groupBy);
        readYourWrites.await(ContractVolumeProjection.NAME, position);
        return volumes.grouped(grouping, year);
    }

    /** The key column is named by the grouping (year, kind, ...), the spreadsheet's period or dimension. */
    @GetMapping(path = VOLUME, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> volumeExport(@RequestParam(defaultValue = "year") String groupBy,
                                               @RequestParam(required = false) Integer year,
                                               @RequestParam(required = false) Long position,
                                               HttpServletRequest request, Locale locale) {
        return exports.answer(volumeSheet(grouping(groupBy), volume(groupBy, year, position)), request, locale);
    }

    /** The volumes as a spreadsheet, the key column named by the grouping: the API's export and the console's. */
    static Sheet volumeSheet(ContractVolumes.Grouping grouping, List<ContractVolumes.Volume> rows) {
        Sheet.Builder sheet = Sheet.of("volume", new Sheet.Column(apiName(grouping), TEXT),
                new Sheet.Column("contracts", COUNT), new Sheet.Column("totalAmount", MONEY),
                new Sheet.Column("technologyAmount", MONEY));
        for (ContractVolumes.Volume v : rows) {
            sheet.row(v.key(), v.contracts(), v.totalAmount(), v.technologyAmount());
        }
        return sheet.withTotal();
    }

    @GetMapping(path = TARGETS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Each configured target (ledger.targets) with the contract volume achieved and the percentage; "
            + "Accept: text/csv or XLSX")
    public List<ContractVolumes.Progress> targets(@RequestParam(required = false) Long position) {
        readYourWrites.await(ContractVolumeProjection.NAME, position);
        return targets.targetsOrDefault().stream()
                .map(t -> volumes.progress(t.period(), Money.of(t.amount())))
                .toList();
    }

    /** No total row: the periods of targets may overlap (a year and its quarters), so their sum means nothing. */
    @GetMapping(path = TARGETS, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> targetsExport(@RequestParam(required = false) Long position,
                                                HttpServletRequest request, Locale locale) {
        Sheet.Builder sheet = Sheet.of("targets", new Sheet.Column("period", TEXT), new Sheet.Column("target", MONEY),
                new Sheet.Column("achieved", MONEY), new Sheet.Column("percent", PERCENT));
        for (ContractVolumes.Progress p : targets(position)) {
            sheet.row(p.period(), p.target(), p.achieved(), p.percent());
        }
        return exports.answer(sheet.withoutTotal(), request, locale);
    }

    private static ContractVolumes.Grouping grouping(String groupBy) {
        return ContractVolumes.Grouping.named(groupBy)
                .orElseThrow(() -> new InvalidField("groupBy", "must be one of year, quarter, month, kind, field, "
                        + "institution, sellerType, buyerRegion, flow"));
    }

    /** SELLER_TYPE as the API writes it: sellerType. */
    private static String apiName(ContractVolumes.Grouping grouping) {
        String[] words = grouping.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
