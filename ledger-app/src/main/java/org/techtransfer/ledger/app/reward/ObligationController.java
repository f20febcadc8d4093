package org.techtransfer.ledger.app.reward;

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
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardObligations;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.techtransfer.ledger.app.export.Sheet.Type.CODE;
import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.DATE;
import static org.techtransfer.ledger.app.export.Sheet.Type.MONEY;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

@RestController
public class ObligationController {

    private static final String PATH = "/api/v1/rewards/obligations";
    private static final String IMPLEMENTATIONS = "/api/v1/rewards/implementation-obligations";

    private final RewardObligations obligations;
    private final ReadYourWrites readYourWrites;
    private final Exports exports;
    private final Clock clock;

    ObligationController(RewardObligations obligations, ReadYourWrites readYourWrites, Exports exports, Clock clock) {
        this.obligations = obligations;
        this.readYourWrites = readYourWrites;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reward obligations, one row per contract, overdue first (every role; a RECORDER its own "
            + "institution's); Accept: text/csv or XLSX for a spreadsheet")
    public List<RewardObligations.Obligation> obligations(
            @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) RewardStatus status,
            @Parameter(description = "only contracts whose share obligation is in this status (extra)")
            @RequestParam(required = false) RewardStatus equityStatus,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(RewardObligationProjection.NAME, position);
        return obligations.find(scope, status, equityStatus, LocalDate.now(clock));
    }

    @GetMapping(path = PATH, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String institutionId,
                                         @RequestParam(required = false) RewardStatus status,
                                         @RequestParam(required = false) RewardStatus equityStatus,
                                         @RequestParam(required = false) Long position,
                                         HttpServletRequest request, Locale locale) {
        return exports.answer(sheet(obligations(institutionId, status, equityStatus, position)), request, locale);
    }

    @GetMapping(path = IMPLEMENTATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Self-implementation reward obligations, one row per implementation with its years of "
            + "operating profit, overdue first (every role; a RECORDER its own institution's); Accept: text/csv or "
            + "XLSX for a spreadsheet")
    public List<RewardObligations.ImplementationObligation> implementationObligations(
            @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) RewardStatus status,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(RewardObligationProjection.NAME, position);
        return obligations.implementations(scope, status, LocalDate.now(clock));
    }

    @GetMapping(path = IMPLEMENTATIONS, produces = {Exports.CSV, Exports.XLSX})
    public ResponseEntity<byte[]> exportImplementations(@RequestParam(required = false) String institutionId,
                                                        @RequestParam(required = false) RewardStatus status,
                                                        @RequestParam(required = false) Long position,
                                                        HttpServletRequest request, Locale locale) {
        return exports.answer(implementationSheet(implementationObligations(institutionId, status, position)), request,
                locale);
    }

    /**
     * The self-implementations' obligations as a spreadsheet, with a total row: {@code rewardedYears} lists the
     * counted years, {@code profit} is their operating profit, on which 5% at least is owed.
     */
    static Sheet implementationSheet(List<RewardObligations.ImplementationObligation> rows) {
        Sheet.Builder sheet = Sheet.of("implementation-obligations", new Sheet.Column("implementationId", TEXT),
                new Sheet.Column("institutionId", TEXT), new Sheet.Column("title", TEXT),
                new Sheet.Column("rewardedYears", TEXT), new Sheet.Column("profit", MONEY),
                new Sheet.Column("requiredReward", MONEY), new Sheet.Column("rewardDecided", MONEY),
                new Sheet.Column("rewardPaid", MONEY), new Sheet.Column("outstanding", MONEY),
                new Sheet.Column("status", CODE), new Sheet.Column("dueBy", DATE));
        for (RewardObligations.ImplementationObligation o : rows) {
            String years = o.years().stream().filter(RewardObligations.ProfitYear::counted)
                    .map(y -> String.valueOf(y.year())).collect(Collectors.joining(" "));
            sheet.row(o.implementationId(), o.institutionId(), o.title(), years, o.profit(), o.requiredReward(),
                    o.rewardDecided(), o.rewardPaid(), o.outstanding(), o.status(), o.dueBy());
        }
        return sheet.withTotal();
    }

    /** The obligations as a spreadsheet, with a total row: the API's export and the console's download. */
    static Sheet sheet(List<RewardObligations.Obligation> rows) {
        Sheet.Builder sheet = Sheet.of("obligations", new Sheet.Column("contractId", TEXT),
                new Sheet.Column("institutionId", TEXT), new Sheet.Column("netIncome", MONEY),
                new Sheet.Column("requiredReward", MONEY), new Sheet.Column("rewardDecided", MONEY),
                new Sheet.Column("rewardPaid", MONEY), new Sheet.Column("outstanding", MONEY),
                new Sheet.Column("status", CODE), new Sheet.Column("dueBy", DATE),
                new Sheet.Column("sharesOutstanding", COUNT), new Sheet.Column("equityStatus", CODE));
        for (RewardObligations.Obligation o : rows) {
            sheet.row(o.contractId(), o.institutionId(), o.netIncome(), o.requiredReward(), o.rewardDecided(),
                    o.rewardPaid(), o.outstanding(), o.status(), o.dueBy(), o.sharesOutstanding(), o.equityStatus());
        }
        return sheet.withTotal();
    }
}
