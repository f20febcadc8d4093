package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.achievement.RegistryIpKinds;
import org.techtransfer.ledger.app.command.AuditMetaData;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.contract.AmendContract;
import org.techtransfer.ledger.contract.ChangeContributors;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.contract.RecordCost;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.contract.ReceiveEquity;
import org.techtransfer.ledger.contract.RegisterContract;
import org.techtransfer.ledger.contract.ReverseEntry;
import org.techtransfer.ledger.contract.TerminateContract;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.RecordPublicity;
import org.techtransfer.ledger.reward.WithdrawRewardDecision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The commands on contracts and the reads of one contract (docs/api.md, "Commands" and "Queries"). */
@RestController
@RequestMapping("/api/v1/contracts")
public class ContractController {

    private final CommandBodies bodies;
    private final ContractReader reader;
    private final RegistryIpKinds ipKinds;
    private final Clock clock;

    ContractController(CommandBodies bodies, ContractReader reader, RegistryIpKinds ipKinds, Clock clock) {
        this.bodies = bodies;
        this.reader = reader;
        this.ipKinds = ipKinds;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a technology contract")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RegisterContract.class)))
    public ResponseEntity<CommandAnswer> register(@RequestBody JsonNode body, HttpServletRequest request) {
        RegisterContract command = ipKinds.derive(bodies.read(body, RegisterContract.class, "contractId", null));
        LedgerUser user = Access.requireRecorderFor(command.sellerInstitutionId());
        return bodies.send(command, user, request);
    }

    @PostMapping("/{id}/incomes")
    @Operation(summary = "Record income received")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordIncome.class)))
    public ResponseEntity<CommandAnswer> recordIncome(@PathVariable String id, @RequestBody JsonNode body,
                                                      HttpServletRequest request) {
        return onContract(id, body, RecordIncome.class, request);
    }

    @PostMapping("/{id}/costs")
    @Operation(summary = "Record a deductible cost")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordCost.class)))
    public ResponseEntity<CommandAnswer> recordCost(@PathVariable String id, @RequestBody JsonNode body,
                                                    HttpServletRequest request) {
        return onContract(id, body, RecordCost.class, request);
    }

    @PostMapping("/{id}/equity")
    @Operation(summary = "Record shares received")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReceiveEquity.class)))
    public ResponseEntity<CommandAnswer> receiveEquity(@PathVariable String id, @RequestBody JsonNode body,
                                                       HttpServletRequest request) {
        return onContract(id, body, ReceiveEquity.class, request);
    }

    @PostMapping("/{id}/reward-decisions")
    @Operation(summary = "Decide a cash reward and its allocations")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecideCashReward.class)))
    public ResponseEntity<CommandAnswer> decideCashReward(@PathVariable String id, @RequestBody JsonNode body,
                                                          HttpServletRequest request) {
        return onOwnShare(id, body, DecideCashReward.class, DecideCashReward::institutionId, request);
    }

    @PostMapping("/{id}/withdrawals")
    @Operation(summary = "Withdraw a cash or equity reward decision that nothing has been paid from")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WithdrawRewardDecision.class)))
    public ResponseEntity<CommandAnswer> withdrawRewardDecision(@PathVariable String id, @RequestBody JsonNode body,
                                                                HttpServletRequest request) {
        return onOwnShare(id, body, WithdrawRewardDecision.class, WithdrawRewardDecision::institutionId, request);
    }

    @PostMapping("/{id}/contributors")
    @Operation(summary = "Replace the contract's contributors, with a reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ChangeContributors.class)))
    public ResponseEntity<CommandAnswer> changeContributors(@PathVariable String id, @RequestBody JsonNode body,
                                                            HttpServletRequest request) {
        return onContract(id, body, ChangeContributors.class, request);
    }

    @PostMapping("/{id}/equity-rewards")
    @Operation(summary = "Decide an equity reward and its allocations")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecideEquityReward.class)))
    public ResponseEntity<CommandAnswer> decideEquityReward(@PathVariable String id, @RequestBody JsonNode body,
                                                            HttpServletRequest request) {
        return onOwnShare(id, body, DecideEquityReward.class, DecideEquityReward::institutionId, request);
    }

    @PostMapping("/{id}/publicity")
    @Operation(summary = "Record a publicity notice of a reward decision")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordPublicity.class)))
    public ResponseEntity<CommandAnswer> recordPublicity(@PathVariable String id, @RequestBody JsonNode body,
                                                         HttpServletRequest request) {
        return onOwnShare(id, body, RecordPublicity.class, RecordPublicity::institutionId, request);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Pay a reward to one person")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PayReward.class)))
    public ResponseEntity<CommandAnswer> payReward(@PathVariable String id, @RequestBody JsonNode body,
                                                   HttpServletRequest request) {
        return onOwnShare(id, body, PayReward.class, PayReward::institutionId, request);
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "Amend the contract's amounts")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AmendContract.class)))
    public ResponseEntity<CommandAnswer> amend(@PathVariable String id, @RequestBody JsonNode body,
                                               HttpServletRequest request) {
        return onContract(id, body, AmendContract.class, request);
    }

    @PostMapping("/{id}/reversals")
    @Operation(summary = "Reverse an income, cost, equity receipt or payment")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReverseEntry.class)))
    public ResponseEntity<CommandAnswer> reverse(@PathVariable String id, @RequestBody JsonNode body,
                                                 HttpServletRequest request) {
        return onOwnShare(id, body, ReverseEntry.class, ReverseEntry::institutionId, request);
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Terminate the contract")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TerminateContract.class)))
    public ResponseEntity<CommandAnswer> terminate(@PathVariable String id, @RequestBody JsonNode body,
                                                   HttpServletRequest request) {
        return onContract(id, body, TerminateContract.class, request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The contract and its reward figures, now or as it stood at an instant (asOf: AUDITOR, ADMIN)")
    public ContractView contract(@PathVariable String id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Access.requireReaderOf(seller(id));
        if (asOf != null) {
            Access.requireRole(Role.AUDITOR, Role.ADMIN);
        }
        if (asOf == null) {
            LocalDate today = LocalDate.now(clock);
            return reader.current(id, state -> ContractView.of(state, today, null))
                    .orElseThrow(() -> new NotFound("no contract '" + id + "'"));
        }
        ContractState then = reader.asOf(id, asOf).orElseThrow(() -> new NotFound("no contract '" + id + "' as of " + asOf));
        return ContractView.of(then, LocalDate.ofInstant(asOf, clock.getZone()), asOf);
    }

    /** One recorded event of a contract, as an auditor reads it. */
    public record EventView(long sequence, String type, Instant recordedAt, String actor, String correlationId,
                            Object payload) {
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "Every event of the contract in order (AUDITOR, ADMIN, RECORDER of its institution)")
    public List<EventView> events(@PathVariable String id) {
        LedgerUser user = Access.requireReaderOf(seller(id));
        if (user.role() == Role.FINANCE) {
            Access.requireRole(Role.AUDITOR, Role.ADMIN, Role.RECORDER);
        }
        return reader.events(id).stream().map(ContractController::view).toList();
    }

    private static EventView view(DomainEventMessage<?> event) {
        return new EventView(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                Objects.toString(event.getMetaData().get(AuditMetaData.ACTOR), null),
                Objects.toString(event.getMetaData().get(AuditMetaData.CORRELATION_ID), null),
                event.getPayload());
    }

    private ResponseEntity<CommandAnswer> onContract(String id, JsonNode body, Class<? extends LedgerCommand> type,
                                                     HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(seller(id));
        return bodies.send(bodies.read(body, type, "contractId", id), user, request);
    }

    /**
     * A reward decision, notice, payment, withdrawal or reversal: the seller's, as every command on the contract, or one a co-owner other
     * than the seller records on its own share (docs/domain.md, "Co-owned achievements"), which only a recorder of
     * that co-owner may record (or an ADMIN), never the seller's.
     */
    private <T extends LedgerCommand> ResponseEntity<CommandAnswer> onOwnShare(String id, JsonNode body, Class<T> type,
                                                                             Function<T, String> institution,
                                                                             HttpServletRequest request) {
        if (body == null || !body.has("institutionId")) {
            return onContract(id, body, type, request);
        }
        String seller = seller(id);
        T command = bodies.read(body, type, "contractId", id);
        String owner = institution.apply(command) == null ? seller : institution.apply(command);
        return bodies.send(command, Access.requireRecorderFor(owner), request);
    }

    private String seller(String contractId) {
        return reader.sellerOf(contractId).orElseThrow(() -> new NotFound("no contract '" + contractId + "'"));
    }
}
