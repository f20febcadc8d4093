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
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.ReducedWageTax;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardStatus;

import java.sql.Date;
import java.time.LocalDate;
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
    private final RowBuffer<List<String>> taxRows;

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
        if (event instanceof RewardPaid payment) {
            ReducedWageTax tax = book.taxOf(payment.paymentId()).orElseThrow();
            taxRows.upsert(List.of(payment.contractId(), payment.paymentId()), new Object[]{payment.contractId(),
                    payment.paymentId(), contract.registration().sellerInstitutionId(), payment.personId(),
                    payment.amount().fen(), Date.valueOf(payment.paidOn()), tax.qualifies(),
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
