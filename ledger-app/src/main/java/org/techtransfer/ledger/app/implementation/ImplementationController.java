package org.techtransfer.ledger.app.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.implementation.CorrectOperatingProfit;
import org.techtransfer.ledger.implementation.DecideImplementationReward;
import org.techtransfer.ledger.implementation.Implementation;
import org.techtransfer.ledger.implementation.ImplementationRecorded;
import org.techtransfer.ledger.implementation.ImplementationState;
import org.techtransfer.ledger.implementation.OperatingProfitRecorded;
import org.techtransfer.ledger.implementation.PayImplementationReward;
import org.techtransfer.ledger.implementation.PublicizeImplementationReward;
import org.techtransfer.ledger.implementation.RecordImplementation;
import org.techtransfer.ledger.implementation.RecordOperatingProfit;
import org.techtransfer.ledger.implementation.WithdrawImplementationRewardDecision;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardFigures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Achievements an institution implements itself or with others (issue 15, Law Art. 45(3)): the implementation,
 * its yearly operating profit, and the reward owed on it, decided, publicised and paid as on a contract; a decision
 * withdrawn and a year's profit corrected.
 */
@RestController
@RequestMapping("/api/v1/implementations")
public class ImplementationController {

    private final CommandBodies bodies;
    private final EventStore eventStore;
    private final Clock clock;

    ImplementationController(CommandBodies bodies, EventStore eventStore, Clock clock) {
        this.bodies = bodies;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Record an achievement the institution implements itself or with others")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordImplementation.class)))
    public ResponseEntity<CommandAnswer> record(@RequestBody JsonNode body, HttpServletRequest request) {
        RecordImplementation command = bodies.read(body, RecordImplementation.class, "implementationId", null);
        return bodies.send(command, Access.requireRecorderFor(command.institutionId()), request);
    }

    @PostMapping("/{id}/profits")
    @Operation(summary = "Record a year's operating profit from the implementation")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordOperatingProfit.class)))
    public ResponseEntity<CommandAnswer> recordProfit(@PathVariable String id, @RequestBody JsonNode body,
                                                      HttpServletRequest request) {
        return onImplementation(id, body, RecordOperatingProfit.class, request);
    }

    @PostMapping("/{id}/reward-decisions")
    @Operation(summary = "Decide a cash reward from the implementation's profits")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecideImplementationReward.class)))
    public ResponseEntity<CommandAnswer> decide(@PathVariable String id, @RequestBody JsonNode body,
                                                HttpServletRequest request) {
        return onImplementation(id, body, DecideImplementationReward.class, request);
    }

    @PostMapping("/{id}/publicity")
    @Operation(summary = "Record the publicity notice of a reward decision on the implementation")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PublicizeImplementationReward.class)))
    public ResponseEntity<CommandAnswer> publicize(@PathVariable String id, @RequestBody JsonNode body,
                                                   HttpServletRequest request) {
        return onImplementation(id, body, PublicizeImplementationReward.class, request);
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Pay one person a reward decided on the implementation")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = PayImplementationReward.class)))
    public ResponseEntity<CommandAnswer> pay(@PathVariable String id, @RequestBody JsonNode body,
                                             HttpServletRequest request) {
        return onImplementation(id, body, PayImplementationReward.class, request);
    }

    @PostMapping("/{id}/withdrawals")
    @Operation(summary = "Withdraw a reward decision on the implementation that nothing has been paid from")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WithdrawImplementationRewardDecision.class)))
    public ResponseEntity<CommandAnswer> withdraw(@PathVariable String id, @RequestBody JsonNode body,
                                                  HttpServletRequest request) {
        return onImplementation(id, body, WithdrawImplementationRewardDecision.class, request);
    }

    @PostMapping("/{id}/profit-corrections")
    @Operation(summary = "Correct the operating profit of a year already recorded")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CorrectOperatingProfit.class)))
    public ResponseEntity<CommandAnswer> correctProfit(@PathVariable String id, @RequestBody JsonNode body,
                                                       HttpServletRequest request) {
        return onImplementation(id, body, CorrectOperatingProfit.class, request);
    }

    /** {@code GET /implementations/{id}}: the implementation, its years and its reward figures on today's date. */
    public record ImplementationView(ImplementationRecorded implementation, List<OperatingProfitRecorded> years,
                                     RewardFigures reward, List<RewardBook.Payment> payments, long version) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "The implementation, its yearly profits and the reward owed, decided and paid")
    public ImplementationView implementation(@PathVariable String id) {
        ImplementationState state = read(id);
        Access.requireReaderOf(state.registration().institutionId());
        return view(state, LocalDate.now(clock));
    }

    /** The API's answer and the console page's figures. */
    public static ImplementationView view(ImplementationState state, LocalDate today) {
        return new ImplementationView(state.registration(), state.years(), state.book().figures(today),
                state.payments(), state.version());
    }

    /** The implementation folded from its stream; 404 when there is none. */
    public ImplementationState read(String implementationId) {
        DomainEventStream events = eventStore.readEvents(Implementation.streamOf(implementationId));
        ImplementationState state = new ImplementationState();
        events.forEachRemaining(event -> state.evolve(event.getPayload()));
        if (!state.isRecorded()) {
            throw new NotFound("no implementation '" + implementationId + "'");
        }
        return state;
    }

    private ResponseEntity<CommandAnswer> onImplementation(String id, JsonNode body, Class<? extends LedgerCommand> type,
                                                           HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(institutionOf(id));
        return bodies.send(bodies.read(body, type, "implementationId", id), user, request);
    }

    private String institutionOf(String implementationId) {
        DomainEventStream events = eventStore.readEvents(Implementation.streamOf(implementationId));
        if (events.hasNext() && events.next().getPayload() instanceof ImplementationRecorded recorded) {
            return recorded.institutionId();
        }
        throw new NotFound("no implementation '" + implementationId + "'");
    }
}
