package org.techtransfer.ledger.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.projections.contract.ContractCatalog;
import org.techtransfer.ledger.projections.contract.ContractCatalogProjection;
import org.techtransfer.ledger.reward.RewardStatus;
import org.techtransfer.ledger.rule.InvalidField;

import java.time.Clock;
import java.time.LocalDate;

/** The list of contracts, from the contract catalogue read model (docs/api.md, {@code GET /contracts}). */
@RestController
public class ContractListController {

    private static final int MAX_SIZE = 200;

    private final ContractCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ContractListController(ContractCatalog catalog, ReadYourWrites readYourWrites, Clock clock) {
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/api/v1/contracts")
    @Operation(summary = "Contracts, newest signing date first, filtered and paged (every role; a RECORDER its own institution's)")
    public ContractCatalog.ContractPage contracts(
            @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) ContractKind kind,
            @Parameter(description = "the year of signedOn") @RequestParam(required = false) Integer year,
            @Parameter(description = "the reward status today") @RequestParam(required = false) RewardStatus status,
            @Parameter(description = "a part of the contract id, registration number, buyer, field, contributor's name or person id, any case")
            @RequestParam(required = false) String q,
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
        if (year != null && (year < 1 || year > 9998)) {
            throw new InvalidField("year", "must be a year from 1 to 9998");
        }
        if (q != null && (q.length() > 1000 || q.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidField("q", "at most 1000 characters, no control characters");
        }
        // an empty field of a form means no condition
        String scope = Access.institutionScope(blankToNull(institutionId));
        readYourWrites.await(ContractCatalogProjection.NAME, position);
        return catalog.find(new ContractCatalog.Filter(scope, kind, year, status, blankToNull(q)), page, size,
                LocalDate.now(clock));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
