package org.techtransfer.ledger.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.techtransfer.ledger.app.support.IncomeLoad;
import org.techtransfer.ledger.app.support.IncomeLoad.Income;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.RecordedIncomes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold at the end of a run of {@link IncomeLoad}: the client's acknowledgements against the database and the read models. */
final class AcknowledgedIncomes {

    private AcknowledgedIncomes() {
    }

    /** Every acknowledged income is one event at the acknowledged version, and nothing else was recorded. */
    static void recordedOnce(Map<String, IncomeLoad.Acknowledged> acknowledged, RecordedIncomes recorded) {
        for (IncomeLoad.Acknowledged answer : acknowledged.values()) {
            Income income = answer.income();
            assertThat(recorded.events(income.incomeId())).as("events of acknowledged " + income)
                    .containsExactly(new RecordedIncomes.Event(income.contractId(), answer.version()));
            assertThat(recorded.commandLogVersion(income)).isEqualTo(answer.version());
        }
        assertThat(recorded.incomeEvents()).as("income events recorded").isEqualTo(acknowledged.size());
        assertThat(recorded.commandLogRows()).as("income command-log rows").isEqualTo(acknowledged.size());
    }

    /**
     * Each contract's versions are 1..n without a gap or a repeat; the contract and the obligations show n
     * incomes once the read models have caught up with {@code lastPosition}; returns their checksums.
     */
    static Map<String, String> agreeWithContractsAndObligations(LedgerClient client, Map<String, IncomeLoad.Acknowledged> acknowledged,
                                                                long lastPosition) {
        Map<String, List<Long>> versions = acknowledged.values().stream().collect(Collectors.groupingBy(
                a -> a.income().contractId(), Collectors.mapping(IncomeLoad.Acknowledged::version, Collectors.toList())));
        Map<String, String> live = ReadModels.awaitCaughtUp(client, lastPosition);
        JsonNode obligations = client.get("finance", "/api/v1/rewards/obligations?institutionId=DEMO-A").json();
        versions.forEach((contractId, seen) -> {
            int n = seen.size();
            assertThat(seen).as("versions acknowledged on " + contractId)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
            JsonNode contract = client.get("auditor", "/api/v1/contracts/" + contractId).json();
            BigDecimal income = new BigDecimal(IncomeLoad.AMOUNT).multiply(BigDecimal.valueOf(n));
            assertThat(contract.get("version").asLong()).isEqualTo(n);
            assertThat(contract.get("income").asText()).isEqualTo(income.toPlainString());
            JsonNode row = IntStream.range(0, obligations.size()).mapToObj(obligations::get)
                    .filter(o -> o.get("contractId").asText().equals(contractId)).findFirst().orElseThrow();
            assertThat(row.get("netIncome").asText()).as("obligation of " + contractId).isEqualTo(income.toPlainString());
        });
        return live;
    }

}
