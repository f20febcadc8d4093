package org.techtransfer.ledger.app.apidoc;

import org.techtransfer.ledger.rule.Rule;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.techtransfer.ledger.rule.Rule.*;

/**
 * What springdoc cannot read from the controllers: for each operation, by method and path, its id for generated
 * clients, what it does, who may call it, the rule codes it can answer and examples. ApiDescription gives an
 * operation without an entry defaults, and ApiDescriptionTest names it, so that a new endpoint gets one here.
 */
final class ApiOperations {

    static final String BASE = "/api/v1";

    /**
     * @param success         the success status when it is not 200 or, for a command, 201 (with 200 for a repeat)
     * @param notFound        whether it answers 404 although its path has no id (an unknown seller, nothing sealed)
     * @param requestExample  JSON body, for Swagger UI's "Try it out"
     * @param responseExample the success answer, JSON unless the operation produces text
     */
    record Entry(String operationId, String description, Callers callers, Set<Rule> rules, String success,
                 boolean notFound, String requestExample, String responseExample) {

        /** Under its "METHOD /path", the path below the base path. */
        Map.Entry<String, Entry> at(String methodAndPath) {
            int space = methodAndPath.indexOf(' ');
            return Map.entry(methodAndPath.substring(0, space) + " " + BASE + methodAndPath.substring(space + 1), this);
        }
    }

    /** Tags by feature: the path's first segment, and the reward commands on a contract under rewards. */
    static final Map<String, String> TAGS = ordered(
            "institutions", "Institutions that sell technology and the reward policy each follows",
            "contracts", "Technology contracts: registration, income, costs, equity, amendments, reversals, termination",
            "rewards", "Rewards of the people behind an achievement: decisions, publicity, payments, obligations",
            "payouts", "What each person was allocated and paid",
            "statistics", "Contract volume and the plan's targets",
            "reports", "Exports for the district's reports",
            "audit", "The hash-chained event log, its Merkle tree, digest, signed checkpoints, proofs and verification",
            "administration", "Read models: rebuild and status");

    /** Answers that are not JSON, by operation and media type. */
    static final Map<String, String> TEXT_ANSWERS = Map.ofEntries(
            Map.entry("GET " + BASE + "/payouts text/csv", "\uFEFF\"personId\",\"personName\",\"institutionId\",\"contractId\","
                    + "\"kind\",\"decisionId\",\"paymentId\",\"date\",\"reference\",\"allocated\",\"paid\","
                    + "\"implementationId\"\r\n"
                    + "\"P-001\",\"Wang\",\"DEMO-A\",\"C-2026-001\",\"ALLOCATION\",\"DEC-1\",,2026-04-01,,400000.00,,\r\n"
                    + "\"P-001\",\"Wang\",\"DEMO-A\",\"C-2026-001\",\"PAYMENT\",,\"PAY-1\",2026-04-20,\"payroll 2026-04\",,400000.00,\r\n"
                    + "\"TOTAL\",,,,,,,,,400000.00,400000.00,\r\n"),
            Map.entry("GET " + BASE + "/rewards/obligations text/csv", "\uFEFF\"contractId\",\"institutionId\",\"netIncome\","
                    + "\"requiredReward\",\"rewardDecided\",\"rewardPaid\",\"outstanding\",\"status\",\"dueBy\","
                    + "\"sharesOutstanding\",\"equityStatus\"\r\n"
                    + "\"C-2026-001\",\"DEMO-A\",900000.00,630000.00,630000.00,400000.00,230000.00,\"OUTSTANDING\","
                    + "2029-03-15,0,\"NOTHING_DUE\"\r\n"
                    + "\"TOTAL\",,900000.00,630000.00,630000.00,400000.00,230000.00,,,0,\r\n"),
            Map.entry("GET " + BASE + "/rewards/implementation-obligations text/csv", "\uFEFF\"implementationId\","
                    + "\"institutionId\",\"title\",\"rewardedYears\",\"profit\",\"requiredReward\",\"rewardDecided\","
                    + "\"rewardPaid\",\"outstanding\",\"status\",\"dueBy\"\r\n"
                    + "\"IMP-1\",\"DEMO-A\",\"Nano-generator pilot line\",\"2021\",2000000.00,100000.00,100000.00,"
                    + "40000.00,60000.00,\"OVERDUE\",2024-12-31\r\n"
                    + "\"TOTAL\",,,,2000000.00,100000.00,100000.00,40000.00,60000.00,,\r\n"),
            Map.entry("GET " + BASE + "/statistics/volume text/csv", "\uFEFF\"year\",\"contracts\",\"totalAmount\",\"technologyAmount\"\r\n"
                    + "\"2026\",12,18400000.00,15250000.00\r\n\"TOTAL\",12,18400000.00,15250000.00\r\n"),
            Map.entry("GET " + BASE + "/statistics/targets text/csv", "\uFEFF\"period\",\"target\",\"achieved\",\"percent\"\r\n"
                    + "\"2020\",1600000000.00,400000000.00,25.00\r\n"),
            Map.entry("GET " + BASE + "/reports/reward-tax text/csv", "\uFEFF\"personId\",\"contractId\",\"paymentId\","
                    + "\"institutionId\",\"paidOn\",\"qualifying\",\"other\",\"reason\",\"implementationId\"\r\n"
                    + "\"P-001\",\"C-2026-001\",\"PAY-1\",\"DEMO-A\",2026-04-20,400000.00,,,\r\n"
                    + "\"TOTAL\",,,,,400000.00,,,\r\n"),
            Map.entry("GET " + BASE + "/statistics/indicators text/csv", "\uFEFF\"indicator\",\"value\",\"target\",\"percent\","
                    + "\"inRegistry\",\"patentStock\",\"population\",\"contracts\"\r\n"
                    + "\"INCUBATED_ENTERPRISES\",2.00,100.00,2.00,,,,\r\n"
                    + "\"INVENTION_PATENTS_PER_10000\",29.80,30.00,99.33,2,1190,400000,\r\n"
                    + "\"TECHNOLOGY_CONTRACT_AMOUNT\",1200000.00,1600000000.00,0.07,,,,1\r\n"),
            Map.entry("GET " + BASE + "/statistics/achievements text/csv", "\uFEFF\"year\",\"achievements\",\"transformed\","
                    + "\"transformedPercent\",\"averageDaysToTransformation\"\r\n\"2026\",12,3,25.00,41.50\r\n"),
            Map.entry("GET " + BASE + "/statistics/demands text/csv", "\uFEFF\"year\",\"demands\",\"matched\",\"matchedPercent\","
                    + "\"contracted\",\"averageDaysToFirstMatch\"\r\n\"2026\",8,6,75.00,2,18.5\r\n"),
            Map.entry("GET " + BASE + "/audit/public-key text/plain",
            "ledger.example.org/technology-transfer-ledger+bc486ec0+AWrK8jNuEXWCCnpohz3pFrv7+2gE85wphWGmj04RphKm\n"),
            Map.entry("GET " + BASE + "/audit/events application/x-ndjson", """
                    {"position":1,"eventId":"0b7e5a52-8d0c-4f3e-9d55-3c2a1f6e7b90","type":"InstitutionRegistered",\
                    "payloadType":"org.techtransfer.ledger.institution.InstitutionRegistered","payloadRevision":null,\
                    "aggregateType":"Institution","aggregate":"DEMO-A","sequence":0,"recordedAt":"2026-03-01T08:00:00Z",\
                    "actor":"admin","metaData":{"actor":"admin"},"payload":{"institutionId":"DEMO-A"},\
                    "hash":"5d1c0e3f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d"}
                    """));

    private static final Set<String> REWARD_COMMANDS =
            Set.of("reward-decisions", "equity-rewards", "publicity", "payments", "withdrawals");

    static String tagOf(String path) {
        String[] segments = path.substring(BASE.length() + 1).split("/");
        if (segments[0].equals("contracts") && segments.length > 2 && REWARD_COMMANDS.contains(segments[2])) {
            return "rewards";
        }
        return segments[0].equals("admin") ? "administration" : segments[0];
    }

    private static final Set<Rule> ENTRY_RULES = EnumSet.of(CONTRACT_TERMINATED, DATE_IN_FUTURE, DATE_BEFORE_SIGNING);

    static final Map<String, Entry> ENTRIES = Map.ofEntries(
            command("POST /institutions", "registerInstitution",
                    "Registers an institution with the reward policy it follows (`BEIJING`: 70%, `NATIONAL`: 50%) and, "
                            + "optionally, its own higher rate and shorter payment deadline.",
                    Callers.ADMIN, EnumSet.of(RATE_BELOW_FLOOR), false, """
                            {"institutionId": "DEMO-A", "name": "Huairou Institute of Nanoenergy", "type": "RESEARCH_INSTITUTE",
                             "governmentEstablished": true, "regionCode": "110116", "policy": "BEIJING"}""",
                    "DEMO-A", "DEMO-A", 0, 1),
            command("POST /institutions/{id}/deal-notices", "recordDealNotice",
                    "Records the institution's notice, inside the institution, of an achievement's name and the price "
                            + "it proposes (Law Art. 18). A government-established seller that agrees a price names "
                            + "such a notice, ended by the signing date, when it registers the contract.",
                    Callers.INSTITUTION_RECORDER, EnumSet.noneOf(Rule.class), false, """
                            {"noticeId": "DN-2026-01", "achievement": "CN202610000001.X", "proposedPrice": "1200000.00",
                             "from": "2026-02-01", "to": "2026-02-21"}""",
                    "DN-2026-01", "DEMO-A", 1, 2),
            command("POST /institutions/{id}/approval-policy", "setApprovalPolicy",
                    "Sets how the institution's reward decisions are approved from `effectiveFrom` on: a decision whose "
                            + "total (for shares, their value at the latest receipt's valuation) is at least a step's "
                            + "`from` needs that level's approval, in the order listed. Without a policy a decision is "
                            + "approved when recorded.",
                    Callers.ADMIN, EnumSet.noneOf(Rule.class), false, """
                            {"policyId": "AP-2026", "effectiveFrom": "2026-01-01",
                             "steps": [{"level": "COLLEGE", "from": "0.00"}, {"level": "RESEARCH_OFFICE", "from": "0.01"},
                                       {"level": "VICE_PRESIDENT", "from": "2000000.00"},
                                       {"level": "PRESIDENT_MEETING", "from": "5000000.00"}]}""",
                    "AP-2026", "DEMO-A", 2, 3),
            command("POST /contracts/{id}/reward-decisions/{decisionId}/approvals", "approveRewardDecision",
                    "An approver's answer to a reward decision routed for approval, at the approver's own level (taken "
                            + "from the account): only the next level of its route, never its proposer nor an earlier "
                            + "approver, with the minutes at the president's office meeting. The last approval makes the "
                            + "decision count as decided; a rejection closes it and allocates nothing.",
                    Callers.APPROVER, EnumSet.of(UNKNOWN_ENTRY, DATE_IN_FUTURE, DATE_BEFORE_SIGNING,
                            NOT_THE_NEXT_APPROVER, SAME_PERSON, MINUTES_REQUIRED, DECISION_CLOSED), false, """
                            {"approvalId": "APR-1", "approved": true, "on": "2026-04-03", "note": "agreed"}""",
                    "APR-1", "C-2026-001", 5, 7),
            command("POST /contracts", "registerContract",
                    "Registers a technology contract with its contributors; the reward terms of the seller's policy "
                            + "are frozen at registration. An unknown seller institution is a 404. With `pricing` "
                            + "`AGREEMENT`, a government-established seller names in `dealNoticeId` its deal notice "
                            + "that ended on or before `signedOn` (Law Art. 18).",
                    Callers.RECORDER, EnumSet.of(TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL, NO_PRINCIPAL_CONTRIBUTOR,
                            DUPLICATE_REGISTRATION_NUMBER, DEAL_PUBLICITY_REQUIRED, UNKNOWN_ENTRY), true, """
                            {"contractId": "C-2026-001", "registrationNumber": "2026110116000001", "kind": "LICENSE",
                             "licenseScope": "EXCLUSIVE", "sellerInstitutionId": "DEMO-A",
                             "buyer": {"name": "Yanqi Lake Materials Co.", "type": "ENTERPRISE", "regionCode": "110116"},
                             "technologyField": "nanotechnology", "totalAmount": "1200000.00",
                             "technologyAmount": "1000000.00", "signedOn": "2026-03-01",
                             "contributors": [
                               {"personId": "P-001", "name": "Wang", "principal": true, "leadership": false},
                               {"personId": "P-002", "name": "Li", "principal": false, "leadership": true}]}""",
                    "C-2026-001", "C-2026-001", 0, 2),
            command("POST /contracts/{id}/incomes", "recordIncome",
                    "Records income received under the contract. Income beyond the contract total is refused: amend "
                            + "the total first.",
                    Callers.RECORDER, with(ENTRY_RULES, INCOME_EXCEEDS_TOTAL), false, """
                            {"incomeId": "INC-1", "amount": "1000000.00", "receivedOn": "2026-03-15", "category": "UPFRONT"}""",
                    "INC-1", "C-2026-001", 1, 3),
            command("POST /contracts/{id}/costs", "recordCost",
                    "Records a cost deductible from the income (tax, maintenance, transaction).",
                    Callers.RECORDER, ENTRY_RULES, false, """
                            {"costId": "COST-1", "amount": "100000.00", "incurredOn": "2026-03-20", "category": "TAX"}""",
                    "COST-1", "C-2026-001", 2, 4),
            command("POST /contracts/{id}/equity", "receiveEquity",
                    "Records shares received in exchange for the technology; they raise a share reward obligation.",
                    Callers.RECORDER, ENTRY_RULES, false, """
                            {"equityId": "EQ-1", "company": "Yanqi Lake Materials Co.", "shares": 100000,
                             "valuation": "500000.00", "receivedOn": "2026-03-20"}""",
                    "EQ-1", "C-2026-001", 3, 5),
            command("POST /contracts/{id}/reward-decisions", "decideCashReward",
                    "Decides a cash reward and how it is allocated among the contributors: at least the required "
                            + "reward still undecided, at least half to the principal contributors, allocations adding "
                            + "up to the total. With institutionId, a co-owner other than the seller decides its own "
                            + "reward on its own share, under its own policy, by the same rules (not routed for "
                            + "approval: the seller's approval policy is the seller's).",
                    Callers.REWARD_RECORDER, EnumSet.of(CONTRACT_TERMINATED, NOT_A_CONTRIBUTOR, ALLOCATION_SUM_MISMATCH,
                            PRINCIPAL_SHARE_BELOW_HALF, REWARD_BELOW_MINIMUM, NOT_A_CO_OWNER), false, """
                            {"decisionId": "DEC-1", "decidedOn": "2026-04-01", "total": "630000.00",
                             "allocations": [{"personId": "P-001", "amount": "400000.00"},
                                             {"personId": "P-002", "amount": "230000.00"}]}""",
                    "DEC-1", "C-2026-001", 4, 6),
            command("POST /contracts/{id}/equity-rewards", "decideEquityReward",
                    "Decides a reward in shares and its allocations, out of the shares received and not yet allocated. "
                            + "With institutionId, a co-owner's own, out of its part of the shares.",
                    Callers.REWARD_RECORDER, EnumSet.of(CONTRACT_TERMINATED, NOT_A_CONTRIBUTOR, ALLOCATION_SUM_MISMATCH,
                            PRINCIPAL_SHARE_BELOW_HALF, ALLOCATION_EXCEEDS_SHARES, EQUITY_REWARD_BELOW_MINIMUM,
                            PRINCIPAL_HEAD_EQUITY, NOT_A_CO_OWNER), false, """
                            {"decisionId": "EQD-1", "decidedOn": "2026-04-01", "totalShares": 70000,
                             "allocations": [{"personId": "P-001", "shares": 50000}, {"personId": "P-002", "shares": 20000}]}""",
                    "EQD-1", "C-2026-001", 5, 7),
            command("POST /contracts/{id}/publicity", "recordPublicity",
                    "Records the publicity notice of a reward decision; a contributor in a leadership post is paid "
                            + "only once a notice covering the decision has ended. With institutionId, a notice of a "
                            + "co-owner's own decision.",
                    Callers.REWARD_RECORDER, EnumSet.of(CONTRACT_TERMINATED, UNKNOWN_ENTRY, ALREADY_WITHDRAWN,
                            DECISION_NOT_APPROVED, NOT_A_CO_OWNER), false, """
                            {"noticeId": "N-1", "decisionId": "DEC-1", "from": "2026-04-02", "to": "2026-04-16"}""",
                    "N-1", "C-2026-001", 6, 8),
            command("POST /contracts/{id}/payments", "payReward",
                    "Pays one person part or all of what was allocated to them. Allowed on a terminated contract. "
                            + "With institutionId, a co-owner pays what its own decisions allocated.",
                    Callers.REWARD_RECORDER, EnumSet.of(DATE_IN_FUTURE, DATE_BEFORE_SIGNING, NOT_A_CONTRIBUTOR,
                            PAYMENT_EXCEEDS_ALLOCATION, PAYMENT_BEFORE_DECISION, PUBLICITY_REQUIRED,
                            DECISION_NOT_APPROVED, NOT_A_CO_OWNER), false, """
                            {"paymentId": "PAY-1", "personId": "P-001", "amount": "400000.00", "paidOn": "2026-04-20",
                             "reference": "payroll 2026-04"}""",
                    "PAY-1", "C-2026-001", 7, 9),
            command("POST /contracts/{id}/withdrawals", "withdrawRewardDecision",
                    "Withdraws a cash or equity reward decision that nothing has been paid from; to supersede a "
                            + "decision, withdraw it and decide again. Allowed on a terminated contract. With "
                            + "institutionId, a co-owner withdraws its own decision.",
                    Callers.REWARD_RECORDER, EnumSet.of(UNKNOWN_ENTRY, ALREADY_WITHDRAWN, DECISION_PAID, NOT_A_CO_OWNER),
                    false, """
                            {"withdrawalId": "W-1", "decisionId": "DEC-1", "reason": "superseded by DEC-2"}""",
                    "W-1", "C-2026-001", 8, 10),
            command("POST /contracts/{id}/contributors", "changeContributors",
                    "Replaces the whole list of contributors, with a reason. A person with a reward may not be "
                            + "removed, and the principal contributors must keep at least half of every decision.",
                    Callers.RECORDER, EnumSet.of(CONTRACT_TERMINATED, NO_PRINCIPAL_CONTRIBUTOR,
                            ALLOCATED_CONTRIBUTOR_REMOVED, DEMOTION_BREAKS_PRINCIPAL_SHARE, PRINCIPAL_HEAD_EQUITY), false, """
                            {"changeId": "CH-1", "reason": "Zhao joined the team",
                             "contributors": [
                               {"personId": "P-001", "name": "Wang", "principal": true, "leadership": false},
                               {"personId": "P-002", "name": "Li", "principal": false, "leadership": true},
                               {"personId": "P-003", "name": "Zhao", "principal": false, "leadership": false}]}""",
                    "CH-1", "C-2026-001", 9, 11),
            command("POST /contracts/{id}/amendments", "amendContract",
                    "Amends the contract's total and technology amounts; the income already received must stay "
                            + "within the new total.",
                    Callers.RECORDER, EnumSet.of(CONTRACT_TERMINATED, TECHNOLOGY_AMOUNT_EXCEEDS_TOTAL,
                            INCOME_EXCEEDS_TOTAL), false, """
                            {"amendmentId": "AM-1", "totalAmount": "1500000.00", "technologyAmount": "1200000.00",
                             "reason": "supplementary agreement of 2026-05-10"}""",
                    "AM-1", "C-2026-001", 10, 12),
            command("POST /contracts/{id}/reversals", "reverseEntry",
                    "Reverses an income, cost, equity receipt or payment recorded by mistake. Allowed on a "
                            + "terminated contract. With institutionId, a co-owner reverses its own payment (only a "
                            + "payment: receipts, costs and shares are the whole contract's).",
                    Callers.REWARD_RECORDER, EnumSet.of(UNKNOWN_ENTRY, ALREADY_REVERSED, NOT_A_CO_OWNER), false, """
                            {"reversalId": "REV-1", "entryId": "COST-1", "reason": "entered twice"}""",
                    "REV-1", "C-2026-001", 11, 13),
            command("POST /contracts/{id}/termination", "terminateContract",
                    "Terminates the contract: no new entries or decisions; payments, withdrawals and reversals remain "
                            + "possible. The answer's `id` is the contract's.",
                    Callers.RECORDER, EnumSet.of(CONTRACT_TERMINATED), false, """
                            {"terminatedOn": "2026-12-31", "reason": "the licensee ended the licence"}""",
                    "C-2026-001", "C-2026-001", 12, 14),
            read("GET /contracts/{id}", "getContract",
                    "The contract read straight from the event log, consistent with the last command: its registered "
                            + "fields, the amounts in force and its reward figures. With `asOf` (AUDITOR, ADMIN), as it "
                            + "stood at that instant; an instant before its registration is a 404.",
                    Callers.CONTRACT_READERS, """
                            {"contractId": "C-2026-001", "registrationNumber": "2026110116000001", "kind": "LICENSE",
                             "sellerInstitutionId": "DEMO-A",
                             "buyer": {"name": "Yanqi Lake Materials Co.", "type": "ENTERPRISE", "regionCode": "110116"},
                             "technologyField": "nanotechnology", "totalAmount": "1200000.00",
                             "technologyAmount": "1000000.00", "signedOn": "2026-03-01",
                             "contributors": [{"personId": "P-001", "name": "Wang", "principal": true, "leadership": false}],
                             "achievements": [],
                             "rewardTerms": {"policyId": "BEIJING-2019", "cashRate": 0.7, "shareRate": 0.7, "deadlineMonths": 6},
                             "income": "1000000.00", "deductibleCosts": "100000.00", "netIncome": "900000.00",
                             "requiredReward": "630000.00", "rewardDecided": "0.00", "rewardPaid": "0.00",
                             "outstanding": "630000.00", "rewardStatus": "OUTSTANDING", "dueBy": "2026-09-15",
                             "sharesReceived": 0, "requiredShares": 0, "sharesAllocated": 0, "sharesOutstanding": 0,
                             "equityStatus": "NOTHING_DUE", "terminated": false, "version": 2}"""),
            read("GET /contracts/{id}/events", "getContractEvents",
                    "Every event of the contract, oldest first, with who recorded it and when.",
                    Callers.CONTRACT_READERS, """
                            [{"sequence": 0, "type": "ContractRegistered", "recordedAt": "2026-03-01T08:00:00Z",
                              "actor": "recorder-a", "correlationId": "batch-2026-03:42",
                              "payload": {"contractId": "C-2026-001", "registrationNumber": "2026110116000001"}}]"""),
            read("GET /contracts/{id}/statement", "getContractStatement",
                    "The contract's verifiable statement: its figures (as `GET /contracts/{id}` computes them), the "
                            + "events they come from with every stored field (`payload` and `metaData` as the stored "
                            + "JSON text), each event's leaf and audit path, and the signed checkpoint the paths lead "
                            + "to. `verify-statement` checks it with the public key alone. Waits up to 10 s for the "
                            + "newest events to be in a checkpoint, then a `503`. With `asOf`: AUDITOR and ADMIN only.",
                    Callers.CONTRACT_AUDITORS, """
                            {"contractId": "C-2026-001",
                             "contract": {"contractId": "C-2026-001", "registrationNumber": "2026110116000001",
                               "totalAmount": "1200000.00", "technologyAmount": "1000000.00", "income": "0.00",
                               "netIncome": "0.00", "requiredReward": "0.00", "rewardStatus": "NOTHING_DUE", "version": 0},
                             "events": [{"position": 2, "eventId": "125e5d30-8d0c-4f3e-9d55-3c2a1f6e7b90",
                               "aggregateType": "TechnologyContract", "aggregate": "C-2026-001", "sequence": 0,
                               "recordedAt": "2026-03-01T08:00:00Z",
                               "payloadType": "org.techtransfer.ledger.contract.ContractRegistered",
                               "payload": "{\\"contractId\\":\\"C-2026-001\\"}", "metaData": "{\\"actor\\":\\"recorder-a\\"}",
                               "leafIndex": 1, "leafHash": "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                               "auditPath": ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"]}],
                             "checkpoint": {"treeSize": 2, "rootHash": "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                               "position": 2, "at": "2026-03-01T08:00:01Z",
                               "note": "ledger.example.org/technology-transfer-ledger\\n2\\n+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=\\n\\n\u2014 ledger.example.org/technology-transfer-ledger vEhuwDuMwF3yRQb5YejcAc14VS2AeBRCF6zRb045jj8RHD630Gs/lHUU/Rad4Gz4b/jCPf6uLe/VqUEMOV5ITGCz+AU=\\n"}}"""),
            read("GET /institutions/{id}", "getInstitution", "The institution as registered.", Callers.ANY, """
                    {"institutionId": "DEMO-A", "name": "Huairou Institute of Nanoenergy", "type": "RESEARCH_INSTITUTE",
                     "governmentEstablished": true, "regionCode": "110116", "policy": "BEIJING"}"""),
            command("POST /contracts/{id}/payment-terms", "setPaymentTerms",
                    "Sets what the contract promises to pay: fixed instalments and milestone payments (each with "
                            + "its due date, or the event a milestone awaits) and a running royalty (a rate on the "
                            + "licensee's reported net sales, a minimum annual royalty for the years it runs, the days "
                            + "after a period within which it is paid). Without a royalty the instalments add up to the "
                            + "contract amount exactly; beside one, to at most that. Terms set again replace the "
                            + "earlier ones and need a `reason`.",
                    Callers.RECORDER, EnumSet.of(CONTRACT_TERMINATED, SCHEDULE_SUM_MISMATCH, DATE_BEFORE_SIGNING),
                    false, """
                            {"termsId": "T-1",
                             "instalments": [
                               {"instalmentId": "I-1", "kind": "FIXED", "amount": "400000.00", "dueOn": "2026-04-01"},
                               {"instalmentId": "M-1", "kind": "MILESTONE", "amount": "600000.00",
                                "milestone": "product registration approved"}],
                             "royalty": {"rate": 0.05, "minimumAnnual": "100000.00", "firstYear": 2026,
                                         "lastYear": 2030, "paymentDays": 30}}""",
                    "T-1", "C-2026-001", 4, 6),
            command("POST /contracts/{id}/sales-reports", "reportSales",
                    "Records the licensee's net sales over a period within one calendar year; the royalty due (the "
                            + "rate of the terms times the net sales, to the nearest fen) is recorded with it, due "
                            + "`paymentDays` after the period. Periods may not overlap.",
                    Callers.RECORDER, with(ENTRY_RULES, NO_ROYALTY_TERMS, SALES_PERIOD_OVERLAP), false, """
                            {"reportId": "S-2026-Q2", "periodFrom": "2026-04-01", "periodTo": "2026-06-30",
                             "netSales": "2400000.00"}""",
                    "S-2026-Q2", "C-2026-001", 5, 7),
            command("POST /contracts/{id}/milestones/{instalmentId}/reached", "recordMilestoneReached",
                    "Records that the event a milestone payment of the terms awaits happened, on `reachedOn` (not "
                            + "after today, not before the signing): the instalment is due that day, as a milestone "
                            + "dated in the terms is. Only an instalment of the terms in force that awaits its event, "
                            + "and only once.",
                    Callers.RECORDER, with(ENTRY_RULES, UNKNOWN_INSTALMENT, NOT_AN_EVENT_MILESTONE,
                            MILESTONE_ALREADY_REACHED), false, """
                            {"reachedId": "MR-1", "reachedOn": "2026-05-10", "note": "registration certificate issued"}""",
                    "MR-1", "C-2026-001", 6, 8),
            read("GET /contracts/{id}/receivables", "getContractReceivables",
                    "The contract's payment terms and sales reports, and its receivables on today's date, read "
                            + "straight from the event log: each instalment, milestone, royalty and minimum-royalty "
                            + "shortfall with what the receipts settle (oldest due first; reimbursements of costs are "
                            + "not receipts), what is overdue, and `forecastReward`, the personnel reward the "
                            + "outstanding will add to the required reward once received (at today's costs). "
                            + "Distinct from the reward obligations.",
                    Callers.CONTRACT_READERS, """
                            {"contractId": "C-2026-001", "institutionId": "DEMO-A",
                             "paymentTerms": {"contractId": "C-2026-001", "termsId": "T-1",
                               "instalments": [{"instalmentId": "I-1", "kind": "FIXED", "amount": "400000.00",
                                                "dueOn": "2026-04-01"}]},
                             "salesReports": [],
                             "receivables": {"hasTerms": true, "expected": "400000.00", "received": "100000.00",
                               "outstanding": "300000.00", "overdue": "300000.00", "forecastReward": "210000.00",
                               "unscheduled": "0.00",
                               "items": [{"itemId": "I-1", "kind": "INSTALMENT", "amount": "400000.00",
                                          "dueOn": "2026-04-01", "received": "100000.00",
                                          "status": "OVERDUE"}]},
                             "today": "2026-12-07"}"""),
            read("GET /receivables", "listReceivables",
                    "Receivables per institution (one entry each, by id), each with its contracts that have payment "
                            + "terms: expected, received, outstanding, overdue on today's date, and the forecast "
                            + "personnel reward. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"institutionId": "DEMO-A", "expected": "400000.00", "received": "100000.00",
                              "outstanding": "300000.00", "overdue": "300000.00", "forecastReward": "210000.00",
                              "contracts": [{"contractId": "C-2026-001", "institutionId": "DEMO-A",
                                "expected": "400000.00", "received": "100000.00", "outstanding": "300000.00",
                                "overdue": "300000.00", "forecastReward": "210000.00"}]}]"""),
            command("POST /implementations", "recordImplementation",
                    "Records an achievement the institution implements itself (`SELF`) or with others "
                            + "(`COOPERATION`) from the start of production, with the personnel it rewards. At least "
                            + "5% of each rewarded year's operating profit is owed to them (Law Art. 45(3)): under the "
                            + "`BEIJING` policy for 5 years from the first year of profit (Beijing Regulations 2019, "
                            + "Art. 12 para. 3(3)), under `NATIONAL` for `rewardYears` (3 to 5, default 5) from the year "
                            + "production starts. An unknown institution is a 404.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(NO_PRINCIPAL_CONTRIBUTOR, DATE_IN_FUTURE), true, """
                            {"implementationId": "IMP-1", "institutionId": "DEMO-A", "title": "Nano-generator pilot line",
                             "mode": "SELF", "achievements": ["ZL202010000001.1"], "productionStartedOn": "2021-06-01",
                             "contributors": [
                               {"personId": "P-001", "name": "Wang", "principal": true, "leadership": false},
                               {"personId": "P-002", "name": "Li", "principal": false, "leadership": true}]}""",
                    "IMP-1", "implementation/IMP-1", 0, 8),
            command("POST /implementations/{id}/profits", "recordOperatingProfit",
                    "Records a year's operating profit (a loss as `0.00`), years in order from the year production "
                            + "started; the answer's `id` is `profit-<year>`. A rewarded year adds 5% of its profit to "
                            + "the reward owed (the total rounded up to the fen), due the policy's deadline after the "
                            + "year's end.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(PROFIT_YEAR_NOT_NEXT, DATE_IN_FUTURE), false, """
                            {"year": 2021, "operatingProfit": "2000000.00"}""",
                    "profit-2021", "implementation/IMP-1", 1, 9),
            command("POST /implementations/{id}/reward-decisions", "decideImplementationReward",
                    "Decides a cash reward from the implementation's profits and its allocations, by the rules of "
                            + "a contract's cash reward decision.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(ALLOCATION_SUM_MISMATCH, NOT_A_CONTRIBUTOR,
                            PRINCIPAL_SHARE_BELOW_HALF, REWARD_BELOW_MINIMUM), false, """
                            {"decisionId": "IMP-DEC-1", "decidedOn": "2022-03-01", "total": "100000.00",
                             "allocations": [{"personId": "P-001", "amount": "60000.00"},
                                             {"personId": "P-002", "amount": "40000.00"}]}""",
                    "IMP-DEC-1", "implementation/IMP-1", 2, 10),
            command("POST /implementations/{id}/publicity", "publicizeImplementationReward",
                    "Records the publicity notice of a reward decision on the implementation.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(UNKNOWN_ENTRY), false, """
                            {"noticeId": "IMP-N-1", "decisionId": "IMP-DEC-1", "from": "2022-03-02", "to": "2022-03-16"}""",
                    "IMP-N-1", "implementation/IMP-1", 3, 11),
            command("POST /implementations/{id}/payments", "payImplementationReward",
                    "Pays one person part or all of what the implementation's decisions allocated to them; a leader "
                            + "once a notice of a decision allocating to them has ended.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(PAYMENT_EXCEEDS_ALLOCATION, PUBLICITY_REQUIRED,
                            PAYMENT_BEFORE_DECISION, DATE_IN_FUTURE), false, """
                            {"paymentId": "IMP-PAY-1", "personId": "P-002", "amount": "40000.00", "paidOn": "2022-04-01",
                             "reference": "payroll 2022-04"}""",
                    "IMP-PAY-1", "implementation/IMP-1", 4, 12),
            command("POST /implementations/{id}/withdrawals", "withdrawImplementationRewardDecision",
                    "Withdraws a reward decision on the implementation that nothing has been paid from, by the rule of "
                            + "a contract's withdrawal: its allocations are gone from the payouts and the reward it gave "
                            + "is owed again. To supersede a decision, withdraw it and decide again.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(UNKNOWN_ENTRY, ALREADY_WITHDRAWN, DECISION_PAID), false, """
                            {"withdrawalId": "IMP-W-1", "decisionId": "IMP-DEC-1", "reason": "superseded by IMP-DEC-2"}""",
                    "IMP-W-1", "implementation/IMP-1", 5, 13),
            command("POST /implementations/{id}/profit-corrections", "correctOperatingProfit",
                    "Corrects the operating profit of a year already recorded, with a reason. The rewarded years are "
                            + "counted again from the profits that stand (under `BEIJING`, a corrected first year of "
                            + "profit moves them) and the reward owed follows: 5% of their profits, rounded up to the "
                            + "fen. It may fall below what was decided or paid: a reward above the minimum is allowed.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(PROFIT_YEAR_NOT_RECORDED), false, """
                            {"correctionId": "IMP-K-1", "year": 2021, "operatingProfit": "1800000.00",
                             "reason": "audited accounts restated"}""",
                    "IMP-K-1", "implementation/IMP-1", 6, 14),
            read("GET /implementations/{id}", "getImplementation",
                    "The implementation read straight from the event log: as recorded (with its `window` of "
                            + "rewarded years and its reward `terms`), each year's profit with whether it is counted "
                            + "and what it `owed`, the reward figures on today's date (`requiredReward` is 5% of the "
                            + "counted profits, rounded up to the fen) and the payments.",
                    Callers.SCOPED_READERS, true, """
                            {"implementation": {"implementationId": "IMP-1", "institutionId": "DEMO-A",
                               "title": "Nano-generator pilot line", "mode": "SELF", "achievements": [],
                               "productionStartedOn": "2021-06-01",
                               "window": {"counting": "FROM_FIRST_PROFIT_YEAR", "years": 5},
                               "terms": {"policyId": "SELF-IMPLEMENTATION-BEIJING", "cashRate": 0.05, "shareRate": 0.05,
                                         "deadlineMonths": 36},
                               "contributors": [{"personId": "P-001", "name": "Wang", "principal": true,
                                                 "leadership": false, "principalHead": false}]},
                             "years": [{"implementationId": "IMP-1", "year": 2021, "operatingProfit": "2000000.00",
                                        "counted": true, "owed": "100000.00"}],
                             "reward": {"income": "2000000.00", "deductibleCosts": "0.00", "netIncome": "2000000.00",
                               "requiredReward": "100000.00", "rewardDecided": "0.00", "rewardPaid": "0.00",
                               "outstanding": "100000.00", "rewardStatus": "OUTSTANDING", "dueBy": "2024-12-31",
                               "sharesReceived": 0, "requiredShares": 0, "sharesAllocated": 0, "sharesOutstanding": 0,
                               "equityStatus": "NOTHING_DUE"},
                             "payments": [], "version": 1}"""),
            command("POST /contracts/{id}/co-owners", "setCoOwners",
                    "Records that the achievements the contract concerns are owned by several institutions, the "
                            + "seller among them, with the shares (adding up to 1) in which they split each receipt "
                            + "and cost, and in whole shares each receipt of shares. Set before the first receipt; set "
                            + "again (a new id) while none is received. "
                            + "Each co-owner is held to the reward terms of its own policy on the signing date. An "
                            + "unknown co-owner is a 404.",
                    Callers.RECORDER, EnumSet.of(CONTRACT_TERMINATED, CO_OWNER_SHARES_NOT_WHOLE,
                            CO_OWNERS_AFTER_RECEIPTS, CO_OWNERS_AFTER_EQUITY), true, """
                            {"coOwnershipId": "CO-1", "owners": [{"institutionId": "DEMO-A", "share": 0.6},
                                                                {"institutionId": "DEMO-B", "share": 0.4}]}""",
                    "CO-1", "C-2026-001", 1, 3),
            read("GET /contracts/{id}/co-owners", "getCoOwners",
                    "Each co-owner of the contract's achievements with its share, its part of the receipts and "
                            + "costs (split exact to the fen, the fen left over to the largest fractions), its net "
                            + "income and the reward it owes under its own policy, what it decided and paid, and beside "
                            + "them its part of the shares received (whole shares, by the same rule) and their value, "
                            + "the shares it owes and allocated. Read from the event log; a RECORDER of the seller or "
                            + "of a co-owner.",
                    Callers.CONTRACT_READERS, """
                            {"contractId": "C-2026-001", "sellerInstitutionId": "DEMO-A",
                             "coOwners": [{"institutionId": "DEMO-A", "share": 0.6, "policyId": "BEIJING-2020",
                               "rate": 0.70, "income": "600000.00", "deductibleCosts": "0.00", "netIncome": "600000.00",
                               "requiredReward": "420000.00", "dueBy": "2029-03-15", "rewardDecided": "420000.00",
                               "rewardPaid": "420000.00", "outstanding": "0.00", "rewardStatus": "COMPLIANT",
                               "sharesReceived": 60000, "equityValue": "300000.00", "requiredShares": 42000,
                               "sharesAllocated": 42000, "equityStatus": "COMPLIANT"},
                              {"institutionId": "DEMO-B", "share": 0.4, "policyId": "NATIONAL-2015", "rate": 0.50,
                               "income": "400000.00", "deductibleCosts": "0.00", "netIncome": "400000.00",
                               "requiredReward": "200000.00", "dueBy": "2029-03-15", "rewardDecided": "200000.00",
                               "rewardPaid": "0.00", "outstanding": "200000.00", "rewardStatus": "OUTSTANDING",
                               "sharesReceived": 40000, "equityValue": "200000.00", "requiredShares": 20000,
                               "sharesAllocated": 0, "equityStatus": "OUTSTANDING"}]}"""),
            read("GET /rewards/co-owner-obligations", "listCoOwnerObligations",
                    "One row per co-owned contract and co-owner: the co-owner's share, its part of the income, its "
                            + "net income and the reward it owes its personnel under its own policy, with the deadline "
                            + "of its oldest accrual, what it decided and paid on its own share and its status on "
                            + "today's date; beside them its shares, their value, the shares it owes and allocated. By "
                            + "contract, then co-owner. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"contractId": "C-2026-001", "institutionId": "DEMO-B", "sellerId": "DEMO-A", "share": 0.4,
                              "policyId": "NATIONAL-2015", "income": "400000.00", "netIncome": "400000.00",
                              "requiredReward": "200000.00", "dueBy": "2029-03-15", "rewardDecided": "200000.00",
                              "rewardPaid": "0.00", "outstanding": "200000.00", "rewardStatus": "OUTSTANDING",
                              "sharesReceived": 40000, "equityValue": "200000.00", "requiredShares": 20000,
                              "sharesAllocated": 0, "equityStatus": "OUTSTANDING"}]"""),
            read("GET /rewards/obligations", "listObligations",
                    "One row per contract: the cash reward owed and paid and its status on today's date, beside the "
                            + "share obligation. Overdue first, then outstanding, compliant, nothing due; within each, "
                            + "earliest `dueBy`, then contract id. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"contractId": "C-2026-001", "institutionId": "DEMO-A", "netIncome": "900000.00",
                              "requiredReward": "630000.00", "rewardDecided": "630000.00", "rewardPaid": "400000.00",
                              "outstanding": "230000.00", "status": "OUTSTANDING", "dueBy": "2026-09-15",
                              "sharesReceived": 0, "requiredShares": 0, "sharesAllocated": 0, "sharesOutstanding": 0,
                              "equityStatus": "NOTHING_DUE"}]"""),
            read("GET /rewards/implementation-obligations", "listImplementationObligations",
                    "One row per self-implementation (Law Art. 45(3)): the operating profit of each year recorded, "
                            + "whether the year is rewarded and what it adds to the reward owed (at least 5% of the "
                            + "rewarded years' profit), the reward required, decided and paid, and its status on today's "
                            + "date. Overdue first. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"implementationId": "IMP-1", "institutionId": "DEMO-A", "title": "Nano-generator pilot line",
                              "profit": "2000000.00", "requiredReward": "100000.00", "rewardDecided": "100000.00",
                              "rewardPaid": "40000.00", "outstanding": "60000.00", "status": "OVERDUE",
                              "dueBy": "2024-12-31", "years": [{"year": 2021, "operatingProfit": "2000000.00",
                              "counted": true, "owed": "100000.00"}]}]"""),
            read("GET /payouts", "listPayouts",
                    "Per person, what was allocated and paid, with the items (allocations of cash decisions and "
                            + "payments) dated within `from` and `to`. With `Accept: text/csv`, the items as CSV (UTF-8 "
                            + "with a byte-order mark, CRLF line ends). Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"personId": "P-001", "allocated": "400000.00", "paid": "400000.00", "unpaid": "0.00",
                              "items": [
                                {"contractId": "C-2026-001", "kind": "ALLOCATION", "decisionId": "DEC-1",
                                 "amount": "400000.00", "date": "2026-04-01"},
                                {"contractId": "C-2026-001", "kind": "PAYMENT", "paymentId": "PAY-1",
                                 "amount": "400000.00", "date": "2026-04-20", "reference": "payroll 2026-04"}]}]"""),
            read("GET /contracts", "listContracts",
                    "The contract catalogue, a page of it, newest signing first, with each contract's reward figures "
                            + "and status today. Filters combine with and; an empty one is no filter. Answers from a "
                            + "read model.",
                    Callers.CONTRACT_READERS, """
                            {"items": [{"contractId": "C-2026-001", "registrationNumber": "2026110116000001",
                              "institutionId": "DEMO-A", "kind": "LICENSE", "buyerName": "Yanqi Lake Materials Co.",
                              "technologyField": "nanotechnology", "signedOn": "2026-03-01", "totalAmount": "1200000.00",
                              "technologyAmount": "1000000.00", "terminated": false, "netIncome": "900000.00",
                              "requiredReward": "630000.00", "rewardDecided": "630000.00", "rewardPaid": "400000.00",
                              "outstanding": "230000.00", "status": "OUTSTANDING", "dueBy": "2029-03-15"}],
                             "page": 0, "size": 20, "total": 1}"""),
            read("GET /reports/reward-tax", "rewardTaxReport",
                    "Per person, the cash rewards paid in `year` that qualify for the reduced wage tax (Caishui [2018] "
                            + "No. 58) and the others, each payment with its tag. The ledger tags; it computes no tax. "
                            + "Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            [{"personId": "P-001", "qualifying": "400000.00", "other": "0.00",
                              "payments": [{"contractId": "C-2026-001", "paymentId": "PAY-1", "institutionId": "DEMO-A",
                                            "amount": "400000.00", "paidOn": "2026-04-20",
                                            "reducedWageTax": {"qualifies": true}}]}]"""),
            read("GET /reports/annual-transformation", "annualTransformationReport",
                    "An institution's annual report on its achievements, their transformation and the distribution of "
                            + "the income (Law Art. 21): achievements obtained in `year`; contracts signed in it by mode "
                            + "with their contract and technology transaction amounts; income received, deductible "
                            + "costs and net income of the year; cash and shares rewarded and cash paid in it, the people "
                            + "rewarded, those in leadership posts and principal heads by name; what the institution "
                            + "keeps. Each contract's figures of the year are its reward book's over the entries dated "
                            + "in the year, so they agree with the obligations and payouts to the fen. "
                            + "`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` for XLSX.",
                    Callers.SCOPED_READERS, true, """
                            {"institutionId": "DEMO-A", "year": 2026, "achievementsObtained": 3,
                             "contracts": [{"kind": "LICENSE", "contracts": 1, "totalAmount": "1200000.00",
                                            "technologyAmount": "1000000.00"}],
                             "income": "1000000.00", "deductibleCosts": "100000.00", "netIncome": "900000.00",
                             "rewardDecided": "630000.00", "rewardPaid": "400000.00", "sharesReceived": 0,
                             "sharesRewarded": 0, "personsRewarded": 2, "leadersRewarded": 1,
                             "principalHeadsRewarded": 0,
                             "leaders": [{"personId": "P-002", "name": "Li", "leadership": true, "principalHead": false,
                                          "rewardDecided": "230000.00", "rewardPaid": "0.00", "sharesRewarded": 0}],
                             "leadersRewardDecided": "230000.00", "principalHeadsRewardDecided": "0.00",
                             "institutionKeeps": "270000.00", "sharesKept": 0}"""),
            command("POST /achievements", "registerAchievement",
                    "Registers an achievement in the district's reserve library, with its owners (co-owners allowed), "
                            + "inventors, number and stage (RESERVE unless given).",
                    Callers.INSTITUTION_RECORDER, Set.of(), true, """
                            {"achievementId": "ACH-1", "kind": "INVENTION_PATENT", "title": "Triboelectric nanogenerator",
                             "ownerInstitutionIds": ["DEMO-A"], "inventors": [{"name": "Wang", "personId": "P-001"}],
                             "technologyField": "nanotechnology", "number": "ZL201910000001.1",
                             "numberDate": "2019-04-02", "regionCode": "110116", "stage": "RESERVE"}""",
                    "ACH-1", "achievement/ACH-1", 0, 12),
            command("POST /achievements/{id}/stage", "moveAchievementStage",
                    "Moves an achievement to another stage of the reserve library, with a reason; TRANSFORMED and "
                            + "WITHDRAWN are final.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(STAGE_FINAL, STAGE_UNCHANGED), false, """
                            {"moveId": "M-1", "stage": "OFFERED", "reason": "published on the platform"}""",
                    "M-1", "achievement/ACH-1", 1, 13),
            command("POST /incubations", "recordIncubation",
                    "Records an enterprise that an incubating institution incubates, from its entry (and graduation, "
                            + "if known).",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(GRADUATION_BEFORE_ENTRY), true, """
                            {"incubationId": "INC-ENT-1", "incubatorInstitutionId": "DEMO-A",
                             "enterpriseName": "Yanqi Lake Materials Co.", "creditCode": "91110116MA01ABCD2X",
                             "enteredOn": "2020-03-01", "graduatedOn": "2020-11-30"}""",
                    "INC-ENT-1", "incubation/INC-ENT-1", 0, 14),
            command("POST /incubations/{id}/graduation", "graduateIncubation",
                    "Records the day an incubated enterprise graduated.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(GRADUATION_BEFORE_ENTRY, ALREADY_GRADUATED), false, """
                            {"graduatedOn": "2020-11-30"}""",
                    "INC-ENT-1", "incubation/INC-ENT-1", 1, 15),
            command("POST /regions/population", "recordPopulation",
                    "Records a region's resident population for a year, with its source (reference data of the "
                            + "patents-per-10,000-persons indicator).",
                    Callers.ADMIN, Set.of(), false, """
                            {"recordId": "POP-2020", "regionCode": "110116", "year": 2020, "population": 441000,
                             "source": "Huairou statistical yearbook 2021"}""",
                    "POP-2020", "region/110116/2020", 0, 16),
            command("POST /regions/patent-stock", "recordPatentStock",
                    "Records the invention patents in force in a region for a year that are held outside the "
                            + "ledger's institutions, with its source.",
                    Callers.ADMIN, Set.of(), false, """
                            {"recordId": "PAT-2020", "regionCode": "110116", "year": 2020, "inventionPatents": 1190,
                             "source": "Beijing IP office"}""",
                    "PAT-2020", "region/110116/2020", 1, 17),
            command("POST /demands", "recordDemand",
                    "Records an enterprise's technology demand (what it needs, the field, the budget) taken in by an "
                            + "institution's connection service. An unknown service institution is a 404.",
                    Callers.INSTITUTION_RECORDER, Set.of(), true, """
                            {"demandId": "DEM-1", "serviceInstitutionId": "DEMO-A",
                             "enterpriseName": "Yanqi Lake Materials Co.", "creditCode": "91110116MA01ABCD2X",
                             "regionCode": "110116", "need": "self-powered sensors for pipeline monitoring",
                             "technologyField": "nanotechnology", "budget": "500000.00", "publishedOn": "2026-03-01"}""",
                    "DEM-1", "demand/DEM-1", 0, 18),
            command("POST /demands/{id}/matches", "matchDemand",
                    "Records a match between the demand and one or more achievements of the reserve library, of any "
                            + "institution (the plan's connection services).",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(DATE_IN_FUTURE, DATE_BEFORE_DEMAND, DEMAND_CLOSED,
                            UNKNOWN_ACHIEVEMENT, ACHIEVEMENT_WITHDRAWN), false, """
                            {"matchId": "MA-1", "achievementIds": ["ACH-1"], "matchedOn": "2026-03-20",
                             "note": "met at the district's matchmaking fair"}""",
                    "MA-1", "demand/DEM-1", 1, 19),
            command("POST /demands/{id}/outcomes", "recordMatchOutcome",
                    "Records how a match ended: `CONTRACT_SIGNED` with the contract's id, `DECLINED` or "
                            + "`NEGOTIATION_FAILED`. Once per match: the outcome's id is the match's, so another "
                            + "outcome of the same match is a 409.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(DATE_IN_FUTURE, DATE_BEFORE_MATCH, UNKNOWN_MATCH), false, """
                            {"matchId": "MA-1", "outcome": "CONTRACT_SIGNED", "concludedOn": "2026-04-15",
                             "contractId": "C-2026-001"}""",
                    "MA-1", "demand/DEM-1", 2, 20),
            command("POST /demands/{id}/closure", "closeDemand",
                    "Closes the demand to further matches, with the reason; outcomes of its matches may still follow. "
                            + "Once: a second closure is a 409.",
                    Callers.INSTITUTION_RECORDER, EnumSet.of(DATE_IN_FUTURE, DATE_BEFORE_DEMAND), false, """
                            {"closedOn": "2026-04-16", "reason": "met by contract C-2026-001"}""",
                    "DEM-1", "demand/DEM-1", 3, 21),
            read("GET /demands", "listDemands",
                    "The demands, a page of them, latest published first, each with how many matches were made and "
                            + "how many ended in a signed contract. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            {"items": [{"demandId": "DEM-1", "serviceInstitutionId": "DEMO-A",
                              "enterpriseName": "Yanqi Lake Materials Co.", "creditCode": "91110116MA01ABCD2X",
                              "regionCode": "110116", "need": "self-powered sensors for pipeline monitoring",
                              "technologyField": "nanotechnology", "budget": "500000.00", "publishedOn": "2026-03-01",
                              "status": "CLOSED", "closedOn": "2026-04-16", "closeReason": "met by contract C-2026-001",
                              "matches": 1, "contractsSigned": 1}], "page": 0, "size": 20, "total": 1}"""),
            read("GET /demands/{id}", "getDemand",
                    "A demand with its matches in the order they were made, each with its outcome (`outcome`, "
                            + "`concludedOn` and `outcomeNote` are null while none is recorded, `contractId` unless a "
                            + "contract was signed; `closedOn` and `closeReason` while the demand is open). Answers "
                            + "from a read model.",
                    Callers.SCOPED_READERS, """
                            {"demand": {"demandId": "DEM-1", "serviceInstitutionId": "DEMO-A",
                              "enterpriseName": "Yanqi Lake Materials Co.", "creditCode": "91110116MA01ABCD2X",
                              "regionCode": "110116", "need": "self-powered sensors for pipeline monitoring",
                              "technologyField": "nanotechnology", "budget": "500000.00", "publishedOn": "2026-03-01",
                              "status": "CLOSED", "closedOn": "2026-04-16", "closeReason": "met by contract C-2026-001",
                              "matches": 1, "contractsSigned": 1},
                             "matches": [{"matchId": "MA-1", "achievementIds": ["ACH-1"], "matchedOn": "2026-03-20",
                              "note": "met at the district's matchmaking fair", "outcome": "CONTRACT_SIGNED",
                              "concludedOn": "2026-04-15", "contractId": "C-2026-001", "outcomeNote": "licence"}]}"""),
            read("GET /statistics/demands", "demandStatistics",
                    "The demands' regular statistics by year or quarter of publication, field or service institution: "
                            + "demands, matched (at least one match), the share matched, those that led to a signed "
                            + "contract and the average days to the first match. Answers from a read model.",
                    Callers.READERS, """
                            [{"key": "2026", "demands": 8, "matched": 6, "matchedPercent": 75.00, "contracted": 2,
                              "averageDaysToFirstMatch": 18.5}]"""),
            read("GET /achievements", "listAchievements",
                    "The reserve library, a page of it, latest number date first. An achievement named by a "
                            + "registered contract is TRANSFORMED. Answers from a read model.",
                    Callers.SCOPED_READERS, """
                            {"items": [{"achievementId": "ACH-1", "kind": "INVENTION_PATENT",
                              "title": "Triboelectric nanogenerator", "ownerInstitutionIds": ["DEMO-A"],
                              "inventors": [{"name": "Wang", "personId": "P-001"}], "technologyField": "nanotechnology",
                              "number": "ZL201910000001.1", "numberDate": "2019-04-02", "regionCode": "110116",
                              "stage": "TRANSFORMED", "recordedStage": "OFFERED", "contracts": ["C-2026-001"],
                              "registeredAt": "2026-03-01T08:00:00Z"}], "page": 0, "size": 20, "total": 1}"""),
            read("GET /statistics/indicators", "planIndicators",
                    "The Huairou plan's three indicators for a year, each with its target, the percentage and the "
                            + "figures it was computed from. Answers from read models.",
                    Callers.READERS, """
                            {"year": 2020, "regionCode": "110116",
                             "incubatedEnterprises": {"value": 2, "target": 100, "percent": 2.00, "entered": 1,
                               "graduated": 1, "incubators": [{"incubatorInstitutionId": "DEMO-A", "enterprises": 2}]},
                             "inventionPatentsPer10000": {"value": 29.80, "target": 30, "percent": 99.33,
                               "inRegistry": 2, "patentStock": 1190, "stockSources": ["110116: Beijing IP office"],
                               "population": 400000, "populationSources": ["110116: Huairou statistical yearbook 2021"]},
                             "technologyContractAmount": {"value": "1200000.00", "target": "1600000000.00",
                               "percent": 0.07, "contracts": 1, "technologyAmount": "1000000.00"}}"""),
            read("GET /statistics/achievements", "achievementStatistics",
                    "The reserve library's regular statistics: achievements, transformed, the share transformed "
                            + "and the average days to transformation, by `groupBy`. Answers from a read model.",
                    Callers.READERS, """
                            [{"key": "2026", "achievements": 12, "transformed": 3, "transformedPercent": 25.00,
                              "averageDaysToTransformation": 41.5}]"""),
            read("GET /statistics/volume", "contractVolume",
                    "Contract volume (成交额) and technology transaction volume (技术交易额) by `groupBy`, ordered "
                            + "by key, at the amounts in force. Answers from a read model.",
                    Callers.READERS, """
                            [{"key": "2026", "contracts": 12, "totalAmount": "18400000.00", "technologyAmount": "15250000.00"}]"""),
            read("GET /statistics/targets", "targetProgress",
                    "Each configured target with the contract volume achieved in its period and the percentage "
                            + "(two decimals, rounded down). Answers from a read model.",
                    Callers.READERS, """
                            [{"period": "2020", "target": "1600000000.00", "achieved": "400000000.00", "percent": 25.00}]"""),
            read("GET /audit/digest", "auditDigest",
                    "The head of the hash chain, to be kept outside the ledger. A 404 while nothing has been sealed.",
                    Callers.AUDIT, true, """
                            {"position": 2, "hash": "ee6e0f7497d5ba4bdc41c7ff7e1e3e06c0d4ea38c7f2f3b5e5d5ba8a6f0c1d2e",
                             "at": "2026-03-01T08:00:01Z"}"""),
            read("GET /audit/verify", "auditVerify",
                    "One verdict: recomputes the chain and the Merkle tree from the log and compares them with the "
                            + "stored chain (`chainValid`), the stored tree (`treeValid`) and every kept checkpoint "
                            + "(`checkpointsValid`: signature and root); with a digest (both parameters) or a signed "
                            + "checkpoint kept outside the ledger, also whether the history up to it is unchanged "
                            + "(`digestMatches`, `checkpointMatches`). `valid` is false, with the first `reason` and "
                            + "every finding, as soon as any of them fails.",
                    Callers.AUDIT, """
                            {"valid": false, "checkedEvents": 2,
                             "reason": "the digest's position 9 is beyond the chain's head 2", "digestMatches": false,
                             "head": {"position": 2, "hash": "ee6e0f7497d5ba4bdc41c7ff7e1e3e06c0d4ea38c7f2f3b5e5d5ba8a6f0c1d2e",
                                      "at": "2026-03-01T08:00:01Z"},
                             "chainValid": true, "treeValid": true, "checkpointsValid": true,
                             "treeSize": 2, "findings": ["the digest's position 9 is beyond the chain's head 2"]}"""),
            read("GET /audit/events", "auditEvents",
                    "The global event log in order as NDJSON, one event a line with its chain link (`hash`, `null` "
                            + "while not yet sealed), streamed; to resume, pass the last `position` received as `after`.",
                    Callers.AUDIT, null),
            read("GET /audit/checkpoint", "auditCheckpoint",
                    "The newest signed checkpoint of the Merkle tree over the sealed log (C2SP tlog-checkpoint in a "
                            + "signed note, Ed25519): `treeSize` leaves, the last at global `position`, with `rootHash`. "
                            + "Keep `note` outside the ledger. When the ledger has a time stamping authority "
                            + "(`LEDGER_TSA_URL`), `timestampToken` is its RFC 3161 token over SHA-256 of `note` (DER, "
                            + "base64) and `timestampedAt` the time it names, once it has answered; both null before, "
                            + "and without one. A 404 while none has been signed.",
                    Callers.AUDIT, true, """
                            {"treeSize": 5, "rootHash": "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                             "position": 5, "at": "2026-03-01T08:00:01Z",
                             "note": "ledger.example.org/technology-transfer-ledger\\n5\\nTju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=\\n\\n\u2014 ledger.example.org/technology-transfer-ledger vEhuwDuMwF3yRQb5YejcAc14VS2AeBRCF6zRb045jj8RHD630Gs/lHUU/Rad4Gz4b/jCPf6uLe/VqUEMOV5ITGCz+AU=\\n"}"""),
            read("GET /audit/public-key", "auditPublicKey",
                    "The key that verifies the checkpoints' signatures, as a signed-note verifier key "
                            + "(`<name>+<key hash>+<base64 of 0x01 and the Ed25519 public key>`), one line of text.",
                    Callers.AUDIT, null),
            read("GET /audit/proof/inclusion", "auditInclusionProof",
                    "The audit path (RFC 9162 2.1.3) of the event at global `position` in the tree of `treeSize` "
                            + "leaves (the newest checkpoint's when absent): with the leaf's hash it gives the root. A "
                            + "404 when no sealed event is at the position.",
                    Callers.AUDIT, true, """
                            {"leafIndex": 4, "treeSize": 5, "leafHash": "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                             "auditPath": ["d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]}"""),
            read("GET /audit/proof/consistency", "auditConsistencyProof",
                    "The consistency proof (RFC 9162 2.1.4) that the tree of `from` leaves (a checkpoint kept) is "
                            + "the start of the tree of `to` leaves: the history up to `from` is unchanged.",
                    Callers.AUDIT, """
                            {"from": 4, "to": 5, "path": ["4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"]}"""),
            new Entry("replayReadModels", "Starts rebuilding every read model from the start of the event log and "
                    + "answers at once; commands go on meanwhile.", Callers.AUDIT, Set.of(), "202", false, null, """
                    {"replayId": "7b1e2c4a-0f3d-4e8b-9a51-2c6d8e0f1a2b", "readModels": ["reward-obligations", "payouts", "contract-volumes"]}""")
                    .at("POST /admin/replay"),
            read("GET /admin/projections", "readModelStatus",
                    "Each read model: the position it has reached, whether it is replaying or caught up, a checksum "
                            + "of its rows (the same before and after a rebuild of the same log) and its dead letters.",
                    Callers.AUDIT, """
                            [{"name": "reward-obligations", "position": 14, "replaying": false, "caughtUp": true,
                              "checksum": "3f4a9c1e", "deadLetters": 0}]"""));

    private ApiOperations() {
    }

    private static Map.Entry<String, Entry> command(String at, String operationId, String description, Callers callers,
                                                    Set<Rule> rules, boolean notFound, String request, String id,
                                                    String aggregateId, long version, long position) {
        String answer = "{\"id\": \"" + id + "\", \"aggregateId\": \"" + aggregateId + "\", \"version\": " + version
                + ", \"position\": " + position + "}";
        return new Entry(operationId, description, callers, rules, null, notFound, request, answer).at(at);
    }

    private static Map.Entry<String, Entry> read(String at, String operationId, String description, Callers callers,
                                                 String answer) {
        return read(at, operationId, description, callers, false, answer);
    }

    private static Map.Entry<String, Entry> read(String at, String operationId, String description, Callers callers,
                                                 boolean notFound, String answer) {
        return new Entry(operationId, description, callers, Set.of(), null, notFound, null, answer).at(at);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Set<Rule> with(Set<Rule> rules, Rule... more) {
        EnumSet<Rule> all = EnumSet.copyOf(rules);
        all.addAll(List.of(more));
        return all;
    }
}
