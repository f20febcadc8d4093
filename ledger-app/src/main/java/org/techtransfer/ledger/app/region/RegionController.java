package org.techtransfer.ledger.app.region;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.region.RecordPatentStock;
import org.techtransfer.ledger.region.RecordPopulation;

/** A region's reference figures per year, recorded by the administrator with their source (docs/api.md). */
@RestController
@RequestMapping("/api/v1/regions")
public class RegionController {

    private final CommandBodies bodies;

    RegionController(CommandBodies bodies) {
        this.bodies = bodies;
    }

    @PostMapping("/population")
    @Operation(summary = "Record a region's resident population for a year, with its source (ADMIN)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordPopulation.class)))
    public ResponseEntity<CommandAnswer> population(@RequestBody JsonNode body, HttpServletRequest request) {
        return bodies.send(bodies.read(body, RecordPopulation.class, "recordId", null), Access.requireRole(Role.ADMIN),
                request);
    }

    @PostMapping("/patent-stock")
    @Operation(summary = "Record a region's invention patents in force held outside the registry for a year, with its source (ADMIN)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordPatentStock.class)))
    public ResponseEntity<CommandAnswer> patentStock(@RequestBody JsonNode body, HttpServletRequest request) {
        return bodies.send(bodies.read(body, RecordPatentStock.class, "recordId", null), Access.requireRole(Role.ADMIN),
                request);
    }
}
