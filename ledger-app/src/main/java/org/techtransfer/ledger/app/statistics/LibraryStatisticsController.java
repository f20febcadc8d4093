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
import org.techtransfer.ledger.rule.InvalidField;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.PERCENT;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

/** The reserve library's regular statistics (docs/api.md, {@code GET /statistics/achievements}). */
@RestController
public class LibraryStatisticsController {

    private static final String ACHIEVEMENTS = "/api/v1/statistics/achievements";

    private final AchievementRegistry registry;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;
    private final Clock clock;

    LibraryStatisticsController(AchievementRegistry registry, ReadYourWrites readYourWrites, Exports exports, Clock clock) {
        this.registry = registry;
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

    private static AchievementRegistry.Grouping grouping(String groupBy) {
        for (AchievementRegistry.Grouping g : AchievementRegistry.Grouping.values()) {
            if (g.name().equalsIgnoreCase(groupBy)) {
                return g;
            }
        }
        throw new InvalidField("groupBy", "must be one of year, quarter, stage, kind, field, institution");
    }
}
