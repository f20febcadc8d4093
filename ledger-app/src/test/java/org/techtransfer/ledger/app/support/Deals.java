package org.techtransfer.ledger.app.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of docs/api.md with realistic defaults (the Huairou park's sellers, fields and sums), each a map a
 * test can change.
 */
public final class Deals {

    private Deals() {
    }

    public static Map<String, Object> institution(String id, String policy) {
        return body("institutionId", id, "name", "Institute " + id, "type", "RESEARCH_INSTITUTE",
                "governmentEstablished", true, "regionCode", "110116", "policy", policy);
    }

    public static Map<String, Object> person(String personId, boolean principal, boolean leadership) {
        return body("personId", personId, "name", "Researcher " + personId, "principal", principal,
                "leadership", leadership);
    }

    /** A licence of {@code DEMO-A}-style seller with a principal P-1, a second contributor P-2 and a leader P-L. */
    public static Map<String, Object> contract(String contractId, String sellerId, String kind) {
        return body("contractId", contractId, "registrationNumber", "REG-" + contractId, "kind", kind,
                "sellerInstitutionId", sellerId,
                "buyer", body("name", "Huairou Nano Materials Co.", "type", "ENTERPRISE", "regionCode", "110116"),
                "technologyField", "nanotechnology", "totalAmount", "1200000.00", "technologyAmount", "1000000.00",
                "signedOn", "2026-03-01",
                "contributors", List.of(person("P-1", true, false), person("P-2", false, false), person("P-L", false, true)));
    }

    public static Map<String, Object> income(String id, String amount, String receivedOn) {
        return body("incomeId", id, "amount", amount, "receivedOn", receivedOn, "category", "ROYALTY");
    }

    public static Map<String, Object> cost(String id, String amount, String category) {
        return body("costId", id, "amount", amount, "incurredOn", "2026-03-20", "category", category);
    }

    public static Map<String, Object> equity(String id, long shares) {
        return body("equityId", id, "company", "Nano Start-up Ltd.", "shares", shares, "valuation", "5000000.00",
                "receivedOn", "2026-03-10");
    }

    /** A cash decision of {@code total}: {@code principal} to P-1, the rest to P-2. */
    public static Map<String, Object> decision(String id, String principal, String rest, String total) {
        return body("decisionId", id, "decidedOn", "2026-04-01", "total", total,
                "allocations", List.of(body("personId", "P-1", "amount", principal), body("personId", "P-2", "amount", rest)));
    }

    public static Map<String, Object> payment(String id, String personId, String amount, String paidOn) {
        return body("paymentId", id, "personId", personId, "amount", amount, "paidOn", paidOn, "reference", "bank " + id);
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
