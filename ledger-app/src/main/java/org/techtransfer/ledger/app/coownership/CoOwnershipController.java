package org.techtransfer.ledger.app.coownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.coownership.CoOwnerBooks;
import org.techtransfer.ledger.coownership.SetCoOwners;
import org.techtransfer.ledger.projections.coownership.CoOwnerObligationProjection;
import org.techtransfer.ledger.projections.coownership.CoOwnerObligations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Co-owned achievements (issue 15): the shares in which a contract's co-owners split each receipt, and each
 * co-owner's reward obligation on its own share, readable by the co-owner's own institution.
 */
@RestController
public class CoOwnershipController {

    private final CommandBodies bodies;
    private final ContractReader reader;
    private final CoOwnerObligations obligations;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    CoOwnershipController(CommandBodies bodies, ContractReader reader, CoOwnerObligations obligations,
                          ReadYourWrites readYourWrites, Clock clock) {
        this.bodies = bodies;
        this.reader = reader;
        this.obligations = obligations;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @PostMapping("/api/v1/contracts/{id}/co-owners")
    @Operation(summary = "Set the co-owners of the contract's achievements and their shares of each receipt")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = SetCoOwners.class)))
    public ResponseEntity<CommandAnswer> setCoOwners(@PathVariable String id, @RequestBody JsonNode body,
                                                     HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(seller(id));
        return bodies.send(bodies.read(body, SetCoOwners.class, "contractId", id), user, request);
    }

    /** {@code GET /contracts/{id}/co-owners}: each co-owner's share and figures (none when not co-owned). */
    public record CoOwnersView(String contractId, String sellerInstitutionId,
                               List<CoOwnerBooks.CoOwnerFigures> coOwners) {
    }

    @GetMapping("/api/v1/contracts/{id}/co-owners")
    @Operation(summary = "The contract's co-owners, each with its share of the receipts and costs, its net income and "
            + "the reward it owes under its own policy (a RECORDER of the seller or of a co-owner)")
    public CoOwnersView coOwners(@PathVariable String id) {
        String seller = seller(id);
        LocalDate today = LocalDate.now(clock);
        CoOwnersView view = reader.current(id, state -> view(state, today))
                .orElseThrow(() -> new NotFound("no contract '" + id + "'"));
        LedgerUser user = Access.currentUser();
        if (user.role() == Role.RECORDER && !seller.equals(user.institutionId())
                && view.coOwners().stream().noneMatch(o -> o.institutionId().equals(user.institutionId()))) {
            throw new AccessDeniedException("you may not read the contracts of institution " + seller);
        }
        return view;
    }

    public static CoOwnersView view(ContractState state, LocalDate today) {
        return new CoOwnersView(state.contractId(), state.registration().sellerInstitutionId(),
                state.coOwners().figures(today));
    }

    @GetMapping("/api/v1/rewards/co-owner-obligations")
    @Operation(summary = "Each co-owner's reward obligation on its share of co-owned contracts (every role; a "
            + "RECORDER its own institution's, as co-owner)")
    public List<CoOwnerObligations.CoOwnerObligation> coOwnerObligations(
            @RequestParam(required = false) String institutionId,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(CoOwnerObligationProjection.NAME, position);
        return obligations.find(scope, LocalDate.now(clock));
    }

    private String seller(String contractId) {
        return reader.sellerOf(contractId).orElseThrow(() -> new NotFound("no contract '" + contractId + "'"));
    }
}
