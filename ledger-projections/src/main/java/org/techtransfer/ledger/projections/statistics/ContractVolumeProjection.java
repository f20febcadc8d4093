package org.techtransfer.ledger.projections.statistics;

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

import java.sql.Date;

/**
 * Contract volumes (成交额 and 技术交易额): one row per contract in the period of its signing date, at the
 * amounts in force after amendments. A terminated contract keeps its row (docs/domain.md: it stays counted).
 */
@ProcessingGroup(ContractVolumeProjection.NAME)
public class ContractVolumeProjection implements ReadModel {

    public static final String NAME = "contract-volumes";
    private static final String COLUMNS = "contract_id, signed_on, signed_year, signed_quarter, kind, technology_field, "
            + "institution_id, seller_type, seller_region, buyer_region, total_fen, technology_fen, terminated";
    private static final int TOTAL = 10;
    private static final int TECHNOLOGY = 11;
    private static final int TERMINATED = 12;

    private final JdbcTemplate jdbc;
    private final RowBuffer<String> rows;

    public ContractVolumeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new RowBuffer<>(NAME, jdbc, "INSERT INTO contract_volume (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contract_id) DO UPDATE SET "
                + "total_fen = EXCLUDED.total_fen, technology_fen = EXCLUDED.technology_fen, terminated = EXCLUDED.terminated",
                null, id -> new Object[]{id});
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(ContractRegistered e) {
        rows.upsert(e.contractId(), new Object[]{e.contractId(), Date.valueOf(e.signedOn()), e.signedOn().getYear(),
                (e.signedOn().getMonthValue() - 1) / 3 + 1, e.kind().name(), e.technologyField(), e.sellerInstitutionId(),
                e.sellerType().name(), e.sellerRegionCode(), e.buyer().regionCode(), e.totalAmount().fen(),
                e.technologyAmount().fen(), false});
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

    /** The contract's row as this batch last wrote it, or as it stands in the table. */
    private Object[] current(String contractId) {
        return rows.current(contractId, "SELECT " + COLUMNS + " FROM contract_volume WHERE contract_id = ?");
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM contract_volume");
    }

    @Override
    public String checksum() {
        return TableChecksum.of(jdbc, "contract_volume", "contract_id");
    }
}
