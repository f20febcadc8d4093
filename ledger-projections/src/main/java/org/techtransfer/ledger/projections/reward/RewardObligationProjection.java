package org.techtransfer.ledger.projections.reward;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.approval.CashRewardProposed;
import org.techtransfer.ledger.approval.DecisionApprovalRecorded;
import org.techtransfer.ledger.approval.DecisionApprovals;
import org.techtransfer.ledger.approval.EquityRewardProposed;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.implementation.ImplementationState;
import org.techtransfer.ledger.implementation.OperatingProfitRecorded;
import org.techtransfer.ledger.projections.support.ContractStates;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Reward obligations, cash and shares, one row per contract, computed by the contract's {@code RewardBook}
 * exactly as the aggregate computes them. Every event of a contract rewrites its row from the contract's state,
 * so handling an event twice, or replaying the whole log, gives the same row. Beside it, one row per cash payment
 * that stands with its reduced wage tax, as the book judged it when the payment was recorded. Self-implementations'
 * obligations (issue 15) are kept beside the contracts', one row per implementation from its own book.
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
    private static final String IMPLEMENTATION = "Implementation";

    private final JdbcTemplate jdbc;
    private final EventStore log;
    private final ContractStates contracts;
    private final RowBuffer<String> rows;
    private final RowBuffer<List<String>> taxRows;
    /** The decisions proposed and not yet closed, with the level each waits for (issue 23). */
    private final RowBuffer<List<String>> waitingRows;

    public RewardObligationProjection(JdbcTemplate jdbc, EventStore log, ContractStates contracts) {
        this.jdbc = jdbc;
        this.log = log;
        this.contracts = contracts;
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO reward_obligation (contract_id, institution_id, net_income_fen, required_reward_fen,
                                               reward_decided_fen, reward_paid_fen, outstanding_fen, due_by,
                                               shares_received, required_shares, shares_allocated,
                                               status_until_due, status_after_due, reward_pending_fen, shares_pending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id) DO UPDATE SET
                    net_income_fen = EXCLUDED.net_income_fen, required_reward_fen = EXCLUDED.required_reward_fen,
                    reward_decided_fen = EXCLUDED.reward_decided_fen, reward_paid_fen = EXCLUDED.reward_paid_fen,
                    outstanding_fen = EXCLUDED.outstanding_fen, due_by = EXCLUDED.due_by,
                    shares_received = EXCLUDED.shares_received, required_shares = EXCLUDED.required_shares,
                    shares_allocated = EXCLUDED.shares_allocated, status_until_due = EXCLUDED.status_until_due,
                    status_after_due = EXCLUDED.status_after_due, reward_pending_fen = EXCLUDED.reward_pending_fen,
                    shares_pending = EXCLUDED.shares_pending""", null, id -> new Object[]{id});
        this.waitingRows = new RowBuffer<>(NAME + ":approvals", jdbc, """
                INSERT INTO reward_approval_waiting (contract_id, decision_id, institution_id, next_level, decided_on,
                                                     total_fen, total_shares, value_fen, proposed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, decision_id) DO UPDATE SET next_level = EXCLUDED.next_level""",
                "DELETE FROM reward_approval_waiting WHERE contract_id = ? AND decision_id = ?", key -> key.toArray());
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
        if (IMPLEMENTATION.equals(message.getType())) {
            implementation(message);
            return;
        }
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
                book.sharesReceived(), book.requiredShares(), book.sharesAllocated(), untilDue.name(), afterDue.name(),
                contract.approvals().pendingCash().fen(), contract.approvals().pendingShares()});
        if (event instanceof CashRewardProposed || event instanceof EquityRewardProposed
                || event instanceof DecisionApprovalRecorded) {
            waiting(contract);
        }
        if (event instanceof RewardPaid payment) {
            // a co-owner's payment is judged on its own book and reported under the co-owner (docs/domain.md)
            ReducedWageTax tax = contract.bookOf(payment.institutionId()).taxOf(payment.paymentId()).orElseThrow();
            taxRows.upsert(List.of(payment.contractId(), payment.paymentId()), new Object[]{payment.contractId(),
                    payment.paymentId(), payment.institutionId() != null ? payment.institutionId()
                    : contract.registration().sellerInstitutionId(), payment.personId(),
                    payment.amount().fen(), Date.valueOf(payment.paidOn()), tax.qualifies(),
                    tax.reason() == null ? null : tax.reason().name()});
        } else if (event instanceof EntryReversed reversed && reversed.entryType() == EntryType.PAYMENT) {
            taxRows.delete(List.of(reversed.contractId(), reversed.entryId()));
        }
    }

    /**
     * The implementation's row, from its book as its events up to this one make it (an implementation has a few
     * events a year: read again from the log each time, so a replay or a retried batch writes the same row).
     */
    private void implementation(DomainEventMessage<?> message) {
        List<Object> events = new ArrayList<>();
        log.readEvents(message.getAggregateIdentifier()).asStream()
                .takeWhile(e -> e.getSequenceNumber() <= message.getSequenceNumber())
                .forEach(e -> events.add(e.getPayload()));
        ImplementationState state = ImplementationState.replay(events);
        RewardBook book = state.book();
        LocalDate dueBy = book.dueBy().orElse(null);
        jdbc.update("""
                INSERT INTO implementation_obligation (implementation_id, institution_id, title, profit_fen,
                    required_reward_fen, reward_decided_fen, reward_paid_fen, outstanding_fen, due_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (implementation_id) DO UPDATE SET profit_fen = EXCLUDED.profit_fen,
                    required_reward_fen = EXCLUDED.required_reward_fen, reward_decided_fen = EXCLUDED.reward_decided_fen,
                    reward_paid_fen = EXCLUDED.reward_paid_fen, outstanding_fen = EXCLUDED.outstanding_fen,
                    due_by = EXCLUDED.due_by""",
                state.registration().implementationId(), state.registration().institutionId(),
                state.registration().title(), book.netIncome().fen(), book.requiredReward().fen(),
                book.rewardDecided().fen(), book.rewardPaid().fen(), book.outstanding().fen(), dueBy == null ? null : Date.valueOf(dueBy));
        // its years are only ever added to or corrected, its payments only added to (none is reversed): writing
        // them all again is safe
        String id = state.registration().implementationId();
        for (OperatingProfitRecorded y : state.years()) {
            jdbc.update("""
                    INSERT INTO implementation_profit_year (implementation_id, year, operating_profit_fen, counted, owed_fen)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (implementation_id, year) DO UPDATE SET operating_profit_fen = EXCLUDED.operating_profit_fen,
                        counted = EXCLUDED.counted, owed_fen = EXCLUDED.owed_fen""",
                    id, y.year(), y.operatingProfit().fen(), y.counted(), y.owed().fen());
        }
        for (RewardBook.Payment p : state.payments()) {
            ReducedWageTax tax = p.reducedWageTax();
            jdbc.update("""
                    INSERT INTO implementation_tax_payment (implementation_id, payment_id, institution_id, person_id,
                        amount_fen, paid_on, qualifies, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (implementation_id, payment_id) DO UPDATE SET qualifies = EXCLUDED.qualifies,
                        reason = EXCLUDED.reason""",
                    id, p.paymentId(), state.registration().institutionId(), p.personId(), p.amount().fen(),
                    Date.valueOf(p.paidOn()), tax.qualifies(), tax.reason() == null ? null : tax.reason().name());
        }
    }

    /** Each routed decision of the contract: a row while it waits for a level, none once it is closed. */
    private void waiting(ContractState contract) {
        for (DecisionApprovals.Decision d : contract.approvals().decisions()) {
            List<String> key = List.of(contract.contractId(), d.decisionId());
            if (d.nextLevel() == null) {
                waitingRows.delete(key);
            } else {
                waitingRows.upsert(key, new Object[]{contract.contractId(), d.decisionId(),
                        contract.registration().sellerInstitutionId(), d.nextLevel().name(), Date.valueOf(d.decidedOn()),
                        d.total() == null ? null : d.total().fen(), d.totalShares(), d.value().fen(),
                        d.route().proposedBy()});
            }
        }
    }

    @ResetHandler
    void reset() {
        contracts.clear();
        jdbc.update("DELETE FROM reward_obligation");
        jdbc.update("DELETE FROM reward_tax_payment");
        jdbc.update("DELETE FROM reward_approval_waiting");
        jdbc.update("DELETE FROM implementation_obligation");
        jdbc.update("DELETE FROM implementation_profit_year");
        jdbc.update("DELETE FROM implementation_tax_payment");
    }

    @Override
    public String checksum() {
        // one digest of its tables, like every other read model's
        return TableChecksum.combined(TableChecksum.of(jdbc, "reward_obligation", "contract_id"),
                TableChecksum.of(jdbc, "reward_tax_payment", "contract_id, payment_id"),
                TableChecksum.of(jdbc, "reward_approval_waiting", "contract_id, decision_id"),
                TableChecksum.of(jdbc, "implementation_obligation", "implementation_id"),
                TableChecksum.of(jdbc, "implementation_profit_year", "implementation_id, year"),
                TableChecksum.of(jdbc, "implementation_tax_payment", "implementation_id, payment_id"));
    }
}
