package org.techtransfer.ledger.projections.coownership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.coownership.CoOwnerBooks.CoOwnerFigures;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.projections.support.ContractStates;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each co-owner's reward obligation on a co-owned contract, one row per contract and co-owner, computed by the
 * contract's co-owner books: its share of the receipts and of the shares received, what it owes, decided and paid. Contracts that are not co-owned are passed over without being folded. Every event of
 * a co-owned contract rewrites its rows.
 */
@ProcessingGroup(CoOwnerObligationProjection.NAME)
public class CoOwnerObligationProjection implements ReadModel {

    public static final String NAME = "co-owner-obligations";
    private static final String CONTRACT = "TechnologyContract";
    /** The figures stored do not depend on the day: the statuses do, and are computed when read. */
    private static final LocalDate ANY_DAY = LocalDate.EPOCH;

    private final JdbcTemplate jdbc;
    private final ContractStates contracts;
    private final RowBuffer<List<String>> rows;
    private Set<String> coOwned;

    public CoOwnerObligationProjection(JdbcTemplate jdbc, ContractStates contracts) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO co_owner_obligation (contract_id, institution_id, seller_id, share, policy_id, income_fen,
                                                 net_income_fen, required_reward_fen, due_by, reward_decided_fen,
                                                 reward_paid_fen, outstanding_fen, shares_received, equity_value_fen,
                                                 required_shares, shares_allocated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, institution_id) DO UPDATE SET
                    share = EXCLUDED.share, policy_id = EXCLUDED.policy_id, income_fen = EXCLUDED.income_fen,
                    net_income_fen = EXCLUDED.net_income_fen, required_reward_fen = EXCLUDED.required_reward_fen,
                    due_by = EXCLUDED.due_by, reward_decided_fen = EXCLUDED.reward_decided_fen,
                    reward_paid_fen = EXCLUDED.reward_paid_fen, outstanding_fen = EXCLUDED.outstanding_fen,
                    shares_received = EXCLUDED.shares_received, equity_value_fen = EXCLUDED.equity_value_fen,
                    required_shares = EXCLUDED.required_shares, shares_allocated = EXCLUDED.shares_allocated""",
                "DELETE FROM co_owner_obligation WHERE contract_id = ? AND institution_id = ?", List::toArray);
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!CONTRACT.equals(message.getType()) || !isCoOwned(message.getAggregateIdentifier(), event)) {
            return;
        }
        ContractState contract = contracts.after(message);
        if (event instanceof CoOwnersSet) {
            // owners set again replace the earlier ones: rows of owners no longer named go
            jdbc.queryForList("SELECT institution_id FROM co_owner_obligation WHERE contract_id = ?", String.class,
                    contract.contractId()).forEach(id -> rows.delete(List.of(contract.contractId(), id)));
        }
        for (CoOwnerFigures f : contract.coOwners().figures(ANY_DAY)) {
            rows.upsert(List.of(contract.contractId(), f.institutionId()), new Object[]{contract.contractId(),
                    f.institutionId(), contract.registration().sellerInstitutionId(), f.share(), f.policyId(),
                    f.income().fen(), f.netIncome().fen(), f.requiredReward().fen(),
                    f.dueBy() == null ? null : Date.valueOf(f.dueBy()), f.rewardDecided().fen(), f.rewardPaid().fen(),
                    f.outstanding().fen(), f.sharesReceived(), f.equityValue().fen(), f.requiredShares(),
                    f.sharesAllocated()});
        }
    }

    private boolean isCoOwned(String contractId, Object event) {
        synchronized (this) {
            if (coOwned == null) {
                coOwned = new HashSet<>(jdbc.queryForList("SELECT DISTINCT contract_id FROM co_owner_obligation",
                        String.class));
            }
            if (event instanceof CoOwnersSet) {
                coOwned.add(contractId);
            }
            return coOwned.contains(contractId);
        }
    }

    @ResetHandler
    void reset() {
        contracts.clear();
        synchronized (this) {
            coOwned = new HashSet<>();
        }
        jdbc.update("DELETE FROM co_owner_obligation");
    }

    @Override
    public String checksum() {
        return TableChecksum.of(jdbc, "co_owner_obligation", "contract_id, institution_id");
    }
}
