package org.techtransfer.ledger.app.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.approval.ApproveRewardDecision;
import org.techtransfer.ledger.rule.InvalidField;

/** An approver's answer to a reward decision routed for approval (issue 23). */
@RestController
public class ApprovalController {

    private final CommandBodies bodies;
    private final ContractReader reader;

    ApprovalController(CommandBodies bodies, ContractReader reader) {
        this.bodies = bodies;
        this.reader = reader;
    }

    @PostMapping("/api/v1/contracts/{id}/reward-decisions/{decisionId}/approvals")
    @Operation(summary = "Approve or reject a proposed reward decision at the approver's level (APPROVER)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ApprovalBody.class)))
    public ResponseEntity<CommandAnswer> answer(@PathVariable String id, @PathVariable String decisionId,
                                                @RequestBody JsonNode body, HttpServletRequest request) {
        String seller = reader.sellerOf(id).orElseThrow(() -> new NotFound("no contract '" + id + "'"));
        LedgerUser approver = Access.requireApproverFor(seller);
        return bodies.send(command(body, id, decisionId, approver), approver, request);
    }

    /** The body with the path's ids and the approver's own level: a body naming a level is refused. */
    ApproveRewardDecision command(JsonNode body, String contractId, String decisionId, LedgerUser approver) {
        if (body instanceof ObjectNode object) {
            if (object.has("level")) {
                throw new InvalidField("level", "is the approver's own, not the request's");
            }
            object.put("decisionId", decisionId);
            object.put("level", approver.approvalLevel().name());
        }
        return bodies.read(body, ApproveRewardDecision.class, "contractId", contractId);
    }

    /** What the request carries; the level is the approver's. */
    @Schema(name = "ApprovalBody")
    record ApprovalBody(String approvalId, Boolean approved, java.time.LocalDate on, String note, String minutesRef) {
    }
}
