package org.techtransfer.ledger.app.support;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.app.support.Deals.body;
import static org.techtransfer.ledger.app.support.Deals.contract;
import static org.techtransfer.ledger.app.support.Deals.cost;
import static org.techtransfer.ledger.app.support.Deals.decision;
import static org.techtransfer.ledger.app.support.Deals.equity;
import static org.techtransfer.ledger.app.support.Deals.income;

/** Contracts recorded over HTTP with an entry of each kind, for tests that send every command on them. */
public final class PreparedContracts {

    private PreparedContracts() {
    }

    /**
     * Registers {@code contractId} (an equity investment of {@code seller}, contributors P-1 principal and P-L
     * in a leadership post) with income I-1, cost K-1 (net 90000.00), equity E-1 (1000 shares), cash decision
     * D-1, equity decision ED-1 and a decision D-L that allocates to the leader. Every call must succeed.
     */
    public static void withEntries(LedgerClient client, String contractId, String seller) {
        String base = "/api/v1/contracts/" + contractId;
        created(client.post("admin", "/api/v1/contracts", contract(contractId, seller, "EQUITY_INVESTMENT")));
        created(client.post("admin", base + "/incomes", income("I-1", "100000.00", "2026-03-15")));
        created(client.post("admin", base + "/costs", cost("K-1", "10000.00", "TAX")));
        created(client.post("admin", base + "/equity", equity("E-1", 1000)));
        // net 90000.00: at most 70% → 63000.00 required
        created(client.post("admin", base + "/reward-decisions", decision("D-1", "31500.00", "31500.00", "63000.00")));
        created(client.post("admin", base + "/equity-rewards", body("decisionId", "ED-1", "decidedOn", "2026-04-02",
                "totalShares", 700, "allocations", List.of(body("personId", "P-1", "shares", 700)))));
        created(client.post("admin", base + "/reward-decisions", body("decisionId", "D-L", "decidedOn", "2026-04-01",
                "total", "1000.00", "allocations", List.of(body("personId", "P-1", "amount", "500.00"),
                        body("personId", "P-L", "amount", "500.00")))));
    }

    public static void created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
