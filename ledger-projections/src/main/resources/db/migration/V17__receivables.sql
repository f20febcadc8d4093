-- Receivables (issue 15): one row per contract that has payment terms, written by the receivables read model from
-- the contract's DealBook. What is still open is kept as two arrays of the same length (due date, fen), so that
-- what is overdue on any day is summed by the query; a milestone awaiting its event has a NULL due date. No
-- contract had payment terms before this migration, so no read model needs rebuilding.
CREATE TABLE receivable (
    contract_id         VARCHAR(100) PRIMARY KEY,
    institution_id      VARCHAR(100) NOT NULL,
    expected_fen        BIGINT       NOT NULL,
    received_fen        BIGINT       NOT NULL,
    outstanding_fen     BIGINT       NOT NULL,
    forecast_reward_fen BIGINT       NOT NULL,
    open_due            DATE[]       NOT NULL,
    open_fen            BIGINT[]     NOT NULL
);
CREATE INDEX receivable_institution ON receivable (institution_id);
DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON receivable TO %I', '${serviceRole}');
    END IF;
END
$grants$;
