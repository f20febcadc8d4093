package org.techtransfer.ledger.app.demand;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.demand.CloseDemand;
import org.techtransfer.ledger.demand.MatchDemand;
import org.techtransfer.ledger.demand.RecordDemand;
import org.techtransfer.ledger.demand.RecordMatchOutcome;
import org.techtransfer.ledger.projections.demand.DemandBook;
import org.techtransfer.ledger.projections.demand.DemandBookProjection;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/** Enterprises' technology demands and the connection services' matches (docs/api.md, "Demands"). */
@RestController
@RequestMapping("/api/v1/demands")
public class DemandController {

    private static final int MAX_SIZE = 200;

    private final CommandBodies bodies;
    private final ServiceInstitutions serviceInstitutions;
    private final DemandBook book;
    private final ReadYourWrites readYourWrites;

    DemandController(CommandBodies bodies, ServiceInstitutions serviceInstitutions, DemandBook book, ReadYourWrites readYourWrites) {
        this.bodies = bodies;
        this.serviceInstitutions = serviceInstitutions;
        this.book = book;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @Operation(summary = "Record an enterprise's technology demand (ADMIN; a RECORDER of the service institution)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordDemand.class)))
    public ResponseEntity<CommandAnswer> record(@RequestBody JsonNode body, HttpServletRequest request) {
        RecordDemand command = bodies.read(body, RecordDemand.class, "demandId", null);
        return bodies.send(command, Access.requireRecorderFor(command.serviceInstitutionId()), request);
    }

    @PostMapping("/{id}/matches")
    @Operation(summary = "Record a match between the demand and achievements of the reserve library (ADMIN; a RECORDER "
            + "of the service institution)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = MatchDemand.class)))
    public ResponseEntity<CommandAnswer> match(@PathVariable String id, @RequestBody JsonNode body,
                                               HttpServletRequest request) {
        // as for a contract: the demand exists, the recorder's institution took it in, then the body
        LedgerUser user = Access.requireRecorderFor(serviceInstitutions.of(id));
        return bodies.send(bodies.read(body, MatchDemand.class, "demandId", id), user, request);
    }

    @PostMapping("/{id}/outcomes")
    @Operation(summary = "Record how a match ended (ADMIN; a RECORDER of the service institution)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordMatchOutcome.class)))
    public ResponseEntity<CommandAnswer> outcome(@PathVariable String id, @RequestBody JsonNode body,
                                                 HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(serviceInstitutions.of(id));
        return bodies.send(bodies.read(body, RecordMatchOutcome.class, "demandId", id), user, request);
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the demand to further matches (ADMIN; a RECORDER of the service institution)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CloseDemand.class)))
    public ResponseEntity<CommandAnswer> close(@PathVariable String id, @RequestBody JsonNode body,
                                               HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(serviceInstitutions.of(id));
        return bodies.send(bodies.read(body, CloseDemand.class, "demandId", id), user, request);
    }

    @GetMapping
    @Operation(summary = "The demands, latest published first, filtered and paged (every role; a RECORDER its own institution's)")
    public DemandBook.DemandPage demands(
            @Parameter(description = "the service institution") @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) DemandBook.DemandStatus status,
            @RequestParam(required = false) String technologyField,
            @RequestParam(required = false) String regionCode,
            @Parameter(description = "0-based") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + MAX_SIZE) @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        if (page < 0) {
            throw new InvalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidField("size", "must be from 1 to " + MAX_SIZE);
        }
        if (technologyField != null) {
            Require.text(technologyField, "technologyField");
        }
        if (regionCode != null) {
            Require.regionCode(regionCode, "regionCode");
        }
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(DemandBookProjection.NAME, position);
        return book.find(new DemandBook.Filter(scope, status, technologyField, regionCode), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A demand with its matches and their outcomes (every role; a RECORDER its own institution's)")
    public DemandBook.DemandDetail demand(@PathVariable String id,
                                          @Parameter(description = "wait until the read model has passed this position")
                                          @RequestParam(required = false) Long position) {
        readYourWrites.await(DemandBookProjection.NAME, position);
        DemandBook.DemandDetail detail = book.demand(id).orElseThrow(() -> new NotFound("no demand '" + id + "'"));
        Access.requireReaderOf(detail.demand().serviceInstitutionId());
        return detail;
    }
}
