package org.techtransfer.ledger.app.receivable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.projections.receivable.ReceivableProjection;
import org.techtransfer.ledger.projections.receivable.ReceivablesReport;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivables;
import org.techtransfer.ledger.receivable.RecordMilestoneReached;
import org.techtransfer.ledger.receivable.ReportSales;
import org.techtransfer.ledger.receivable.SalesReported;
import org.techtransfer.ledger.receivable.SetPaymentTerms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * What deals promise to bring (issue 15): a contract's payment terms and the licensee's sales reports, and the
 * receivables they make, per contract (straight from the log) and per institution (from a read model).
 */
@RestController
public class ReceivableController {

    private final CommandBodies bodies;
    private final ContractReader reader;
    private final ReceivablesReport report;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ReceivableController(CommandBodies bodies, ContractReader reader, ReceivablesReport report,
                         ReadYourWrites readYourWrites, Clock clock) {
        this.bodies = bodies;
        this.reader = reader;
        this.report = report;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @PostMapping("/api/v1/contracts/{id}/payment-terms")
    @Operation(summary = "Set the contract's payment terms: instalments, milestone payments, running royalty")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = SetPaymentTerms.class)))
    public ResponseEntity<CommandAnswer> setPaymentTerms(@PathVariable String id, @RequestBody JsonNode body,
                                                         HttpServletRequest request) {
        return onContract(id, body, SetPaymentTerms.class, request);
    }

    @PostMapping("/api/v1/contracts/{id}/sales-reports")
    @Operation(summary = "Record the licensee's net sales over a period; the royalty due is computed")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReportSales.class)))
    public ResponseEntity<CommandAnswer> reportSales(@PathVariable String id, @RequestBody JsonNode body,
                                                     HttpServletRequest request) {
        return onContract(id, body, ReportSales.class, request);
    }

    @PostMapping("/api/v1/contracts/{id}/milestones/{instalmentId}/reached")
    @Operation(summary = "Record that the event a milestone payment awaits happened: the instalment is due that day")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordMilestoneReached.class)))
    public ResponseEntity<CommandAnswer> milestoneReached(@PathVariable String id, @PathVariable String instalmentId,
                                                          @RequestBody JsonNode body, HttpServletRequest request) {
        if (body instanceof ObjectNode object) {
            object.put("instalmentId", instalmentId); // the path names the instalment, as it names the contract
        }
        return onContract(id, body, RecordMilestoneReached.class, request);
    }

    /** {@code GET /contracts/{id}/receivables}: the terms, the reports and the receivables on today's date. */
    public record ContractReceivablesView(String contractId, String institutionId, PaymentTermsSet paymentTerms,
                                          List<SalesReported> salesReports, Receivables receivables, LocalDate today) {
    }

    @GetMapping("/api/v1/contracts/{id}/receivables")
    @Operation(summary = "The contract's payment terms, sales reports and receivables: expected, received, overdue, "
            + "and the personnel reward the outstanding will create")
    public ContractReceivablesView contractReceivables(@PathVariable String id) {
        Access.requireReaderOf(seller(id));
        LocalDate today = LocalDate.now(clock);
        return reader.current(id, state -> view(state, today)).orElseThrow(() -> new NotFound("no contract '" + id + "'"));
    }

    /** The view of one contract's receivables: the API's answer and the contract page's section. */
    public static ContractReceivablesView view(ContractState state, LocalDate today) {
        return new ContractReceivablesView(state.contractId(), state.registration().sellerInstitutionId(),
                state.deal().terms(), state.deal().reports(), state.receivables(today), today);
    }

    @GetMapping("/api/v1/receivables")
    @Operation(summary = "Receivables per institution, each with its contracts that have payment terms (every role; "
            + "a RECORDER its own institution's)")
    public List<ReceivablesReport.InstitutionReceivables> receivables(
            @RequestParam(required = false) String institutionId,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(ReceivableProjection.NAME, position);
        return report.find(scope, LocalDate.now(clock));
    }

    private ResponseEntity<CommandAnswer> onContract(String id, JsonNode body, Class<? extends LedgerCommand> type,
                                                     HttpServletRequest request) {
        LedgerUser user = Access.requireRecorderFor(seller(id));
        return bodies.send(bodies.read(body, type, "contractId", id), user, request);
    }

    private String seller(String contractId) {
        return reader.sellerOf(contractId).orElseThrow(() -> new NotFound("no contract '" + contractId + "'"));
    }
}
