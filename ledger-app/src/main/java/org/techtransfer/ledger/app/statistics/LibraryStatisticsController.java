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
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.projections.demand.DemandBook;
import org.techtransfer.ledger.projections.demand.DemandBookProjection;
import org.techtransfer.ledger.rule.InvalidField;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.PERCENT;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

/**
 * The reserve library's regular statistics (docs/api.md, {@code GET /statistics/achievements}) and those of the
 * enterprises' demands matched with it ({@code GET /statistics/demands}).
 */
@RestController
public class LibraryStatisticsController {

    private static final String ACHIEVEMENTS = "/api/v1/statistics/achievements";
    private static final String DEMANDS = "/api/v1/statistics/demands";

    private final AchievementRegistry registry;
    private final DemandBook demands;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;
    private final Clock clock;

    LibraryStatisticsController(AchievementRegistry registry, DemandBook demands, ReadYourWrites readYourWrites,
                                Exports exports, Clock clock) {
        this.registry = registry;
        this.demands = demands;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping(path = ACHIEVEMENTS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reserve library by year or quarter of registration, stage, kind, field or institution: "
            + "achievements, transformed, their share and the days to transformation; Accept: text/csv or XLSX")
    public List<AchievementRegistry.Group> achievements(@RequestParam(defaultValue = "year") String groupBy,
                                                        @RequestParam(required = false) Integer year,
                                                        @RequestParam(required = false) Long position) {
        AchievementRegistry.Grouping grouping = grouping(groupBy);
        readYourWrites.await(AchievementRegistryProjection.NAME, position);
        return registry.grouped(grouping, year, clock.getZone());
    }

    /** No total row: by institution a co-owned achievement is in several rows, and shares do not add up. */
    @GetMapping(path = ACHIEVEMENTS, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> achievementsExport(@RequestParam(defaultValue = "year") String groupBy,
                                                     @RequestParam(required = false) Integer year,
                                                     @RequestParam(required = false) Long position,
                                                     HttpServletRequest request, Locale locale) {
        Sheet.Builder sheet = Sheet.of("achievements", new Sheet.Column(grouping(groupBy).name().toLowerCase(Locale.ROOT), TEXT),
                new Sheet.Column("achievements", COUNT), new Sheet.Column("transformed", COUNT),
                new Sheet.Column("transformedPercent", PERCENT), new Sheet.Column("averageDaysToTransformation", PERCENT));
        for (AchievementRegistry.Group g : achievements(groupBy, year, position)) {
            sheet.row(g.key(), g.achievements(), g.transformed(), g.transformedPercent(), g.averageDaysToTransformation());
        }
        return exports.answer(sheet.withoutTotal(), request, locale);
    }

    @GetMapping(path = DEMANDS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The demands by year or quarter of publication, field or service institution: demands, "
            + "matched, their share, contracts signed and the days to the first match; Accept: text/csv or XLSX")
    public List<DemandBook.DemandGroup> demands(@RequestParam(defaultValue = "year") String groupBy,
                                          @RequestParam(required = false) Integer year,
                                          @RequestParam(required = false) Long position) {
        DemandBook.Grouping grouping = demandGrouping(groupBy);
        readYourWrites.await(DemandBookProjection.NAME, position);
        return demands.grouped(grouping, year);
    }

    @GetMapping(path = DEMANDS, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> demandsExport(@RequestParam(defaultValue = "year") String groupBy,
                                                @RequestParam(required = false) Integer year,
                                                @RequestParam(required = false) Long position,
                                                HttpServletRequest request, Locale locale) {
        Sheet.Builder sheet = Sheet.of("demands", new Sheet.Column(demandGrouping(groupBy).name().toLowerCase(Locale.ROOT), TEXT),
                new Sheet.Column("demands", COUNT), new Sheet.Column("matched", COUNT),
                new Sheet.Column("matchedPercent", PERCENT), new Sheet.Column("contracted", COUNT),
                new Sheet.Column("averageDaysToFirstMatch", PERCENT));
        for (DemandBook.DemandGroup g : demands(groupBy, year, position)) {
            sheet.row(g.key(), g.demands(), g.matched(), g.matchedPercent(), g.contracted(), g.averageDaysToFirstMatch());
        }
        return exports.answer(sheet.withoutTotal(), request, locale);
    }

    private static DemandBook.Grouping demandGrouping(String groupBy) {
        for (DemandBook.Grouping g : DemandBook.Grouping.values()) {
            if (g.name().equalsIgnoreCase(groupBy)) {
                return g;
            }
        }
        throw new InvalidField("groupBy", "must be one of year, quarter, field, institution");
    }

    private static AchievementRegistry.Grouping grouping(String groupBy) {
        for (AchievementRegistry.Grouping g : AchievementRegistry.Grouping.values()) {
            if (g.name().equalsIgnoreCase(groupBy)) {
                return g;
            }
        }
        throw new InvalidField("groupBy", "must be one of year, quarter, stage, kind, field, institution");
    }
}
