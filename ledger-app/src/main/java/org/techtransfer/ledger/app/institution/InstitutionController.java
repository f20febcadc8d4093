package org.techtransfer.ledger.app.institution;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.institution.RegisterInstitution;
import org.techtransfer.ledger.approval.SetApprovalPolicy;
import org.techtransfer.ledger.deal.RecordDealNotice;

@RestController
@RequestMapping("/api/v1/institutions")
public class InstitutionController {

    private final CommandBodies bodies;
    private final Institutions institutions;

    InstitutionController(CommandBodies bodies, Institutions institutions) {
        this.bodies = bodies;
        this.institutions = institutions;
    }

    @PostMapping
    @Operation(summary = "Register an institution and the reward policy it follows (ADMIN)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RegisterInstitution.class)))
    public ResponseEntity<CommandAnswer> register(@RequestBody JsonNode body, HttpServletRequest request) {
        return bodies.send(bodies.read(body, RegisterInstitution.class, "institutionId", null),
                Access.requireRole(Role.ADMIN), request);
    }

    @PostMapping("/{id}/deal-notices")
    @Operation(summary = "Record the institution's notice of an achievement and its proposed price (Law Art. 18)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordDealNotice.class)))
    public ResponseEntity<CommandAnswer> recordDealNotice(@PathVariable String id, @RequestBody JsonNode body,
                                                          HttpServletRequest request) {
        known(id);
        return bodies.send(bodies.read(body, RecordDealNotice.class, "institutionId", id),
                Access.requireRecorderFor(id), request);
    }

    @PostMapping("/{id}/approval-policy")
    @Operation(summary = "Set how the institution's reward decisions are approved, by amount (ADMIN)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = SetApprovalPolicy.class)))
    public ResponseEntity<CommandAnswer> setApprovalPolicy(@PathVariable String id, @RequestBody JsonNode body,
                                                           HttpServletRequest request) {
        Access.requireRole(Role.ADMIN);
        known(id);
        return bodies.send(bodies.read(body, SetApprovalPolicy.class, "institutionId", id),
                Access.requireRole(Role.ADMIN), request);
    }

    /** A command on an institution the ledger never registered is a 404, not a new aggregate. */
    private void known(String id) {
        institutions.find(id).orElseThrow(() -> new NotFound("no institution '" + id + "'"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The institution as registered")
    public InstitutionRegistered institution(@PathVariable String id) {
        return institutions.find(id).orElseThrow(() -> new NotFound("no institution '" + id + "'"));
    }
}
