package org.techtransfer.ledger.projections.contract;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.techtransfer.ledger.contract.ContractAmended;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractTerminated;
import org.techtransfer.ledger.projections.support.ReadModel;
import org.techtransfer.ledger.projections.support.RowBuffer;
import org.techtransfer.ledger.projections.support.TableChecksum;
import org.techtransfer.ledger.reward.Contributor;

import java.sql.Date;
import java.util.Locale;

/**
 * The contract catalogue: one row per contract with what the console's list shows and searches, at the amounts
 * in force after amendments. The reward figures are not copied here: {@link ContractCatalog} reads them from
 * the reward obligations, which the same processor updates in the same transaction.
 */
@ProcessingGroup(ContractCatalogProjection.NAME)
public class ContractCatalogProjection implements ReadModel {

    public static final String NAME = "contract-catalog";
    private static final String COLUMNS = "contract_id, registration_number, institution_id, kind, buyer_name, "
            + "technology_field, signed_on, total_fen, technology_fen, terminated, search_text";
    private static final int TOTAL = 7;
    private static final int TECHNOLOGY = 8;
    private static final int TERMINATED = 9;
    /** Between the searched texts; no id or text of a contract holds a control character. */
    static final char SEPARATOR = '\u001f';

    private final JdbcTemplate jdbc;
    private final RowBuffer<String> rows;

    public ContractCatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new RowBuffer<>(NAME, jdbc, "INSERT INTO contract_catalog (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contract_id) DO UPDATE SET "
                + "total_fen = EXCLUDED.total_fen, technology_fen = EXCLUDED.technology_fen, terminated = EXCLUDED.terminated",
                null, id -> new Object[]{id});
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(ContractRegistered e) {
        StringBuilder search = new StringBuilder().append(e.contractId()).append(SEPARATOR).append(e.registrationNumber())
                .append(SEPARATOR).append(e.buyer().name()).append(SEPARATOR).append(e.technologyField());
        for (Contributor c : e.contributors()) {
            search.append(SEPARATOR).append(c.name()).append(SEPARATOR).append(c.personId());
        }
        rows.upsert(e.contractId(), new Object[]{e.contractId(), e.registrationNumber(), e.sellerInstitutionId(),
                e.kind().name(), e.buyer().name(), e.technologyField(), Date.valueOf(e.signedOn()), e.totalAmount().fen(),
                e.technologyAmount().fen(), false, searchable(search.toString())});
    }

    @EventHandler
    void on(ContractAmended e) {
        Object[] row = current(e.contractId());
        row[TOTAL] = e.totalAmount().fen();
        row[TECHNOLOGY] = e.technologyAmount().fen();
        rows.upsert(e.contractId(), row);
    }

    @EventHandler
    void on(ContractTerminated e) {
        Object[] row = current(e.contractId());
        row[TERMINATED] = true;
        rows.upsert(e.contractId(), row);
    }

    /** Stored and asked for in the same form, so that the search is case-insensitive whatever the database's locale. */
    static String searchable(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The contract's row as this batch last wrote it, or as it stands in the table. */
    private Object[] current(String contractId) {
        return rows.current(contractId, "SELECT " + COLUMNS + " FROM contract_catalog WHERE contract_id = ?");
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM contract_catalog");
    }

    @Override
    public String checksum() {
        return TableChecksum.of(jdbc, "contract_catalog", "contract_id");
    }
}
