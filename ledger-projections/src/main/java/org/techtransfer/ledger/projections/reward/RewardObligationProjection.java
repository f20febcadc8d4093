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
import org.techtransfer.ledger.contract.EntryReversed;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardPaid;

import java.sql.Date;
import java.util.List;

/**
 * Reward obligations, cash and shares, one row per contract, computed by the contract's {@code RewardBook}
 * exactly as the aggregate computes them. Every event of a contract rewrites its row from the contract's state,
 * so handling an event twice, or replaying the whole log, gives the same row. Beside it, one row per cash payment
 * that stands with its reduced wage tax, as the book judged it when the payment was recorded.
 */
@ProcessingGroup(RewardObligationProjection.NAME)
public class RewardObligationProjection implements ReadModel {

    public static final String NAME = "reward-obligations";
    private static final String CONTRACT = "TechnologyContract";

    private final JdbcTemplate jdbc;
    private final ContractStates contracts;
    private final RowBuffer<String> rows;
    private final RowBuffer<List<String>> taxRows;

    public RewardObligationProjection(JdbcTemplate jdbc, EventStore log, int contractsFollowed) {
        this.jdbc = jdbc;
        this.contracts = new ContractStates(log, contractsFollowed);
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO reward_obligation (contract_id, institution_id, net_income_fen, required_reward_fen,
                                               reward_decided_fen, reward_paid_fen, outstanding_fen, due_by,
                                               shares_received, required_shares, shares_allocated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id) DO UPDATE SET
                    net_income_fen = EXCLUDED.net_income_fen, required_reward_fen = EXCLUDED.required_reward_fen,
                    reward_decided_fen = EXCLUDED.reward_decided_fen, reward_paid_fen = EXCLUDED.reward_paid_fen,
                    outstanding_fen = EXCLUDED.outstanding_fen, due_by = EXCLUDED.due_by,
                    shares_received = EXCLUDED.shares_received, required_shares = EXCLUDED.required_shares,
                    shares_allocated = EXCLUDED.shares_allocated""", null, id -> new Object[]{id});
        this.taxRows = new RowBuffer<>(NAME + ":tax", jdbc, """
                INSERT INTO reward_tax_payment (contract_id, payment_id, institution_id, person_id, amount_fen, paid_on,
                                                qualifies, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, payment_id) DO UPDATE SET
                    person_id = EXCLUDED.person_id, amount_fen = EXCLUDED.amount_fen, paid_on = EXCLUDED.paid_on,
                    qualifies = EXCLUDED.qualifies, reason = EXCLUDED.reason""",
                "DELETE FROM reward_tax_payment WHERE contract_id = ? AND payment_id = ?", key -> key.toArray());
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
        // the status is not stored: it depends on the day it is asked
        rows.upsert(contract.contractId(), new Object[]{contract.contractId(),
                contract.registration().sellerInstitutionId(), book.netIncome().fen(), book.requiredReward().fen(),
                book.rewardDecided().fen(), book.rewardPaid().fen(), book.outstanding().fen(), book.dueBy().map(Date::valueOf).orElse(null),
                book.sharesReceived(), book.requiredShares(), book.sharesAllocated()});
        if (event instanceof RewardPaid paid) {
            ReducedWageTax tax = book.taxOf(paid.paymentId()).orElseThrow();
            taxRows.upsert(List.of(paid.contractId(), paid.paymentId()), new Object[]{paid.contractId(),
                    paid.paymentId(), contract.registration().sellerInstitutionId(), paid.personId(),
                    paid.amount().fen(), Date.valueOf(paid.paidOn()), tax.qualifies(),
                    tax.reason() == null ? null : tax.reason().name()});
        } else if (event instanceof EntryReversed reversed && reversed.entryType() == EntryType.PAYMENT) {
            taxRows.delete(List.of(reversed.contractId(), reversed.entryId()));
        }
    }

    @ResetHandler
    void reset() {
        contracts.clear();
        jdbc.update("DELETE FROM reward_obligation");
        jdbc.update("DELETE FROM reward_tax_payment");
    }

    @Override
    public String checksum() {
        // one digest of both tables, like every other read model's
        return jdbc.queryForObject("SELECT md5(? || ':' || ?)", String.class,
                TableChecksum.of(jdbc, "reward_obligation", "contract_id"),
                TableChecksum.of(jdbc, "reward_tax_payment", "contract_id, payment_id"));
    }
}
