package org.techtransfer.ledger.projections.reward;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardStatus;

import java.sql.Date;
import java.time.LocalDate;

/**
 * Reward obligations, cash and shares, one row per contract, computed by the contract's {@code RewardBook}
 * exactly as the aggregate computes them. Every event of a contract rewrites its row from the contract's state,
 * so handling an event twice, or replaying the whole log, gives the same row.
 */
@ProcessingGroup(RewardObligationProjection.NAME)
public class RewardObligationProjection implements ReadModel {

    public static final String NAME = "reward-obligations";

    /**
     * The status of a row of {@code reward_obligation} (alias {@code o}) on the day bound to its one parameter:
     * the status {@link RewardStatus#of} gave for the days up to {@code due_by}, or the one it gave for the days
     * after. Only the choice of the two is here; the rule stays in that function.
     */
    public static final String STATUS_ON = "CASE WHEN o.due_by IS NULL OR o.due_by >= ? "
            + "THEN o.status_until_due ELSE o.status_after_due END";
    private static final String CONTRACT = "TechnologyContract";

    private final JdbcTemplate jdbc;
    private final ContractStates contracts;
    private final RowBuffer<String> rows;

    public RewardObligationProjection(JdbcTemplate jdbc, EventStore log, int contractsFollowed) {
        this.jdbc = jdbc;
        this.contracts = new ContractStates(log, contractsFollowed);
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO reward_obligation (contract_id, institution_id, net_income_fen, required_reward_fen,
                                               reward_decided_fen, reward_paid_fen, outstanding_fen, due_by,
                                               shares_received, required_shares, shares_allocated,
                                               status_until_due, status_after_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id) DO UPDATE SET
                    net_income_fen = EXCLUDED.net_income_fen, required_reward_fen = EXCLUDED.required_reward_fen,
                    reward_decided_fen = EXCLUDED.reward_decided_fen, reward_paid_fen = EXCLUDED.reward_paid_fen,
                    outstanding_fen = EXCLUDED.outstanding_fen, due_by = EXCLUDED.due_by,
                    shares_received = EXCLUDED.shares_received, required_shares = EXCLUDED.required_shares,
                    shares_allocated = EXCLUDED.shares_allocated, status_until_due = EXCLUDED.status_until_due,
                    status_after_due = EXCLUDED.status_after_due""", null, id -> new Object[]{id});
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!CONTRACT.equals(message.getType())) {
            return;
        }
        ContractState contract = contracts.after(message);
        RewardBook book = contract.book();
        Money required = book.requiredReward();
        Money paid = book.rewardPaid();
        LocalDate dueBy = book.dueBy().orElse(null);
        // the status depends on the day asked: stored as it is up to dueBy and after it (STATUS_ON chooses);
        // without a dueBy nothing is owed and the day plays no part
        RewardStatus untilDue = RewardStatus.of(required, paid, dueBy, dueBy);
        RewardStatus afterDue = dueBy == null ? untilDue : RewardStatus.of(required, paid, dueBy, dueBy.plusDays(1));
        rows.upsert(contract.contractId(), new Object[]{contract.contractId(),
                contract.registration().sellerInstitutionId(), book.netIncome().fen(), required.fen(),
                book.rewardDecided().fen(), paid.fen(), book.outstanding().fen(), dueBy == null ? null : Date.valueOf(dueBy),
                book.sharesReceived(), book.requiredShares(), book.sharesAllocated(), untilDue.name(), afterDue.name()});
    }

    @ResetHandler
    void reset() {
        contracts.clear();
        jdbc.update("DELETE FROM reward_obligation");
    }

    @Override
    public String checksum() {
        return TableChecksum.of(jdbc, "reward_obligation", "contract_id");
    }
}
