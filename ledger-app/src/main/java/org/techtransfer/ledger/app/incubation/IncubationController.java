package org.techtransfer.ledger.app.incubation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.incubation.RecordGraduation;
import org.techtransfer.ledger.incubation.RecordIncubation;

/** Enterprises incubated by the district's incubating institutions (docs/api.md, "Incubations"). */
@RestController
@RequestMapping("/api/v1/incubations")
public class IncubationController {

    private final CommandBodies bodies;
    private final Incubators incubators;

    IncubationController(CommandBodies bodies, Incubators incubators) {
        this.bodies = bodies;
        this.incubators = incubators;
    }

    @PostMapping
    @Operation(summary = "Record an enterprise an institution incubates (ADMIN; a RECORDER of the incubator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordIncubation.class)))
    public ResponseEntity<CommandAnswer> record(@RequestBody JsonNode body, HttpServletRequest request) {
        RecordIncubation command = bodies.read(body, RecordIncubation.class, "incubationId", null);
        return bodies.send(command, Access.requireRecorderFor(command.incubatorInstitutionId()), request);
    }

    @PostMapping("/{id}/graduation")
    @Operation(summary = "Record the enterprise's graduation (ADMIN; a RECORDER of the incubator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordGraduation.class)))
    public ResponseEntity<CommandAnswer> graduate(@PathVariable String id, @RequestBody JsonNode body,
                                                  HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(incubators.of(id));
        return bodies.send(bodies.read(body, RecordGraduation.class, "incubationId", id), user, request);
    }
}
