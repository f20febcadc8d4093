-- The audit hash chain: one link per sealed event, in global order. Each hash is
-- SHA-256(previous hash || the event's canonical bytes); see ChainHash. Append-only like the log.
CREATE TABLE audit_chain (
    global_index BIGINT      PRIMARY KEY,
    hash         CHAR(64)    NOT NULL,
    sealed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_chain_append_only
    BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
