-- RFC 3161 time stamps of the kept checkpoints (docs/audit.md, "External anchoring"), when LEDGER_TSA_URL is set:
-- the token (DER) a time stamping authority signed over SHA-256 of the checkpoint's whole signed note, the time
-- it names (genTime) and the authority asked. At most one per checkpoint; a checkpoint may have none (no
-- authority configured, or it failed and the checkpoint waits for the next try).
CREATE TABLE audit_checkpoint_timestamp (
    tree_size  BIGINT      PRIMARY KEY REFERENCES audit_checkpoint (tree_size),
    token      BYTEA       NOT NULL,
    stamped_at TIMESTAMPTZ NOT NULL,
    authority  TEXT        NOT NULL
);

-- append-only, as the checkpoints
CREATE TRIGGER audit_checkpoint_timestamp_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint_timestamp
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER audit_checkpoint_timestamp_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint_timestamp
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The service role's rights on the new table (see V6): read and append, as on the checkpoints.
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON audit_checkpoint_timestamp TO %I', service_role);
END
$grants$;
