package org.techtransfer.ledger.projections.receivable;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.projections.support.ContractStates;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;
import org.techtransfer.ledger.receivable.PaymentTermsSet;
import org.techtransfer.ledger.receivable.Receivable;
import org.techtransfer.ledger.receivable.ReceivableStatus;
import org.techtransfer.ledger.receivable.Receivables;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Receivables, one row per contract with payment terms, computed by the contract's {@code DealBook} as the contract
 * page computes them. Contracts without terms are passed over without being folded: most contracts have none.
 * Every event of a contract with terms rewrites its row, so handling an event twice or replaying gives the same.
 */
@ProcessingGroup(ReceivableProjection.NAME)
public class ReceivableProjection implements ReadModel {

    public static final String NAME = "receivables";
    private static final String CONTRACT = "TechnologyContract";
    /** The day the open items are split on does not matter for what is stored: every open item is kept. */
    private static final LocalDate ANY_DAY = LocalDate.EPOCH;

    private final JdbcTemplate jdbc;
    private final ContractStates contracts;
    private final RowBuffer<String> rows;
    /** The contracts with terms, read from the table on the first event after a start. */
    private Set<String> withTerms;

    public ReceivableProjection(JdbcTemplate jdbc, ContractStates contracts) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO receivable (contract_id, institution_id, expected_fen, received_fen, outstanding_fen,
                                        forecast_reward_fen, open_due, open_fen)
                VALUES (?, ?, ?, ?, ?, ?, ?::date[], ?)
                ON CONFLICT (contract_id) DO UPDATE SET
                    expected_fen = EXCLUDED.expected_fen, received_fen = EXCLUDED.received_fen,
                    outstanding_fen = EXCLUDED.outstanding_fen, forecast_reward_fen = EXCLUDED.forecast_reward_fen,
                    open_due = EXCLUDED.open_due, open_fen = EXCLUDED.open_fen""", null, id -> new Object[]{id});
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!CONTRACT.equals(message.getType()) || !hasTerms(message.getAggregateIdentifier(), event)) {
            return;
        }
        ContractState contract = contracts.after(message);
        Receivables r = contract.receivables(ANY_DAY);
        List<Receivable> open = r.items().stream().filter(i -> i.status() != ReceivableStatus.RECEIVED).toList();
        String[] due = open.stream().map(i -> i.dueOn() == null ? null : i.dueOn().toString()).toArray(String[]::new);
        long[] fen = open.stream().mapToLong(i -> i.amount().minus(i.received()).fen()).toArray();
        rows.upsert(contract.contractId(), new Object[]{contract.contractId(),
                contract.registration().sellerInstitutionId(), r.expected().fen(), r.received().fen(),
                r.outstanding().fen(), r.forecastReward().fen(), due, fen});
    }

    private boolean hasTerms(String contractId, Object event) {
        synchronized (this) {
            if (withTerms == null) {
                withTerms = new HashSet<>(jdbc.queryForList("SELECT contract_id FROM receivable", String.class));
            }
            if (event instanceof PaymentTermsSet) {
                withTerms.add(contractId);
            }
            return withTerms.contains(contractId);
        }
    }

    @ResetHandler
    void reset() {
        contracts.clear();
        synchronized (this) {
            withTerms = new HashSet<>();
        }
        jdbc.update("DELETE FROM receivable");
    }

    @Override
    public String checksum() {
        return TableChecksum.of(jdbc, "receivable", "contract_id");
    }
}
