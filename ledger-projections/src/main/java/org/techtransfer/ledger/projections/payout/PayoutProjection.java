package org.techtransfer.ledger.projections.payout;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContributorsChanged;
import org.techtransfer.ledger.contract.EntryReversed;
import org.techtransfer.ledger.implementation.ImplementationRecorded;
import org.techtransfer.ledger.implementation.ImplementationRewardDecided;
import org.techtransfer.ledger.implementation.ImplementationRewardDecisionWithdrawn;
import org.techtransfer.ledger.implementation.ImplementationRewardPaid;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardKind;
import org.techtransfer.ledger.reward.RewardPaid;

import java.sql.Date;

/**
 * What each person was allocated and paid: one row per allocation of a cash decision and one per
 * payment. A reversed payment and the allocations of a withdrawn decision are removed, so the rows always
 * add up to the decisions and payments that stand. Beside them, each contract's contributors in force, for
 * the names and the institution of the items: the seller's, unless an item names the co-owner that decided or paid
 * it on its own share. A self-implementation's allocations and payments (issue 15) are kept the same way in tables of
 * their own: a withdrawn decision's allocations are removed (its payments are never reversed).
 */
@ProcessingGroup(PayoutProjection.NAME)
public class PayoutProjection implements ReadModel {

    public static final String NAME = "payouts";
    static final String ALLOCATION = "ALLOCATION";
    static final String PAYMENT = "PAYMENT";

    /** Allocations are keyed by decision and person; payments by payment id alone (a reversal names no person). */
    private record ItemKey(String contractId, String kind, String itemId, String personId) {
    }

    private final JdbcTemplate jdbc;
    private record PersonKey(String contractId, String personId) {
    }

    private final RowBuffer<ItemKey> rows;
    private final RowBuffer<PersonKey> persons;
    /** A self-implementation's items and contributors (issue 15), keyed by the implementation's id as a contract's. */
    private final RowBuffer<ItemKey> implementationRows;
    private final RowBuffer<PersonKey> implementationPersons;

    public PayoutProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new RowBuffer<>(NAME, jdbc, """
                INSERT INTO payout_item (person_id, contract_id, kind, item_id, amount_fen, item_date, reference,
                                         institution_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, kind, item_id, person_id) DO UPDATE SET
                    amount_fen = EXCLUDED.amount_fen, item_date = EXCLUDED.item_date, reference = EXCLUDED.reference,
                    institution_id = EXCLUDED.institution_id""",
                "DELETE FROM payout_item WHERE contract_id = ? AND kind = ? AND item_id = ?"
                        + " AND person_id = COALESCE(CAST(? AS VARCHAR), person_id)",
                key -> new Object[]{key.contractId(), key.kind(), key.itemId(), key.personId()});
        this.persons = new RowBuffer<>(NAME + "-persons", jdbc, """
                INSERT INTO payout_person (contract_id, person_id, name, institution_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (contract_id, person_id) DO UPDATE SET name = EXCLUDED.name""", null,
                key -> new Object[]{key.contractId(), key.personId()});
        this.implementationRows = new RowBuffer<>(NAME + "-implementations", jdbc, """
                INSERT INTO implementation_payout_item (person_id, implementation_id, kind, item_id, amount_fen,
                                                        item_date, reference)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (implementation_id, kind, item_id, person_id) DO UPDATE SET
                    amount_fen = EXCLUDED.amount_fen, item_date = EXCLUDED.item_date, reference = EXCLUDED.reference""",
                "DELETE FROM implementation_payout_item WHERE implementation_id = ? AND kind = ? AND item_id = ?"
                        + " AND person_id = ?",
                key -> new Object[]{key.contractId(), key.kind(), key.itemId(), key.personId()});
        this.implementationPersons = new RowBuffer<>(NAME + "-implementation-persons", jdbc, """
                INSERT INTO implementation_payout_person (implementation_id, person_id, name, institution_id)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (implementation_id, person_id) DO UPDATE SET name = EXCLUDED.name""", null,
                key -> new Object[]{key.contractId(), key.personId()});
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(ContractRegistered event) {
        for (Contributor c : event.contributors()) {
            persons.upsert(new PersonKey(event.contractId(), c.personId()),
                    new Object[]{event.contractId(), c.personId(), c.name(), event.sellerInstitutionId()});
        }
    }

    /** A change of contributors names the whole list in force: new people and changed names are written. */
    @EventHandler
    void on(ContributorsChanged event) {
        for (Contributor c : event.contributors()) {
            persons.upsert(new PersonKey(event.contractId(), c.personId()),
                    new Object[]{event.contractId(), c.personId(), c.name(), event.sellerInstitutionId()});
        }
    }

    @EventHandler
    void on(CashRewardDecided event) {
        for (Allocation a : event.allocations()) {
            rows.upsert(new ItemKey(event.contractId(), ALLOCATION, event.decisionId(), a.personId()),
                    new Object[]{a.personId(), event.contractId(), ALLOCATION, event.decisionId(), a.amount().fen(),
                            Date.valueOf(event.decidedOn()), null, event.institutionId()});
        }
    }

    @EventHandler
    void on(RewardPaid event) {
        rows.upsert(new ItemKey(event.contractId(), PAYMENT, event.paymentId(), null),
                new Object[]{event.personId(), event.contractId(), PAYMENT, event.paymentId(), event.amount().fen(),
                        Date.valueOf(event.paidOn()), event.reference(), event.institutionId()});
    }

    @EventHandler
    void on(EntryReversed event) {
        if (event.entryType() == EntryType.PAYMENT) {
            rows.delete(new ItemKey(event.contractId(), PAYMENT, event.entryId(), null));
        }
    }

    @EventHandler
    void on(RewardDecisionWithdrawn event) {
        if (event.kind() == RewardKind.CASH) {
            for (String personId : event.people()) {
                rows.delete(new ItemKey(event.contractId(), ALLOCATION, event.decisionId(), personId));
            }
        }
    }

    @EventHandler
    void on(ImplementationRecorded event) {
        for (Contributor c : event.contributors()) {
            implementationPersons.upsert(new PersonKey(event.implementationId(), c.personId()),
                    new Object[]{event.implementationId(), c.personId(), c.name(), event.institutionId()});
        }
    }

    @EventHandler
    void on(ImplementationRewardDecided event) {
        for (Allocation a : event.allocations()) {
            implementationRows.upsert(new ItemKey(event.implementationId(), ALLOCATION, event.decisionId(), a.personId()),
                    new Object[]{a.personId(), event.implementationId(), ALLOCATION, event.decisionId(),
                            a.amount().fen(), Date.valueOf(event.decidedOn()), null});
        }
    }

    @EventHandler
    void on(ImplementationRewardPaid event) {
        implementationRows.upsert(new ItemKey(event.implementationId(), PAYMENT, event.paymentId(), event.personId()),
                new Object[]{event.personId(), event.implementationId(), PAYMENT, event.paymentId(),
                        event.amount().fen(), Date.valueOf(event.paidOn()), event.reference()});
    }

    @EventHandler
    void on(ImplementationRewardDecisionWithdrawn event) {
        for (String personId : event.people()) {
            implementationRows.delete(new ItemKey(event.implementationId(), ALLOCATION, event.decisionId(), personId));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM payout_item");
        jdbc.update("DELETE FROM payout_person");
        jdbc.update("DELETE FROM implementation_payout_item");
        jdbc.update("DELETE FROM implementation_payout_person");
    }

    @Override
    public String checksum() {
        // one digest of the digests of its tables, the same length as every read model's
        return TableChecksum.combined(TableChecksum.of(jdbc, "payout_item", "contract_id, kind, item_id, person_id"),
                TableChecksum.of(jdbc, "payout_person", "contract_id, person_id"),
                TableChecksum.of(jdbc, "implementation_payout_item", "implementation_id, kind, item_id, person_id"),
                TableChecksum.of(jdbc, "implementation_payout_person", "implementation_id, person_id"));
    }
}
