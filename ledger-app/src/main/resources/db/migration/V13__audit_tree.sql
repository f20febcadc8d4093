-- The Merkle tree over the sealed log (RFC 9162 2.1, docs/audit.md): the hash of every complete subtree, stored
-- once when its last leaf is sealed, so that the tree grows with the chain and any proof or root of any size
-- is read from at most a few dozen rows. Level 0 holds the leaves, SHA-256(0x00 || canonical(event)), with
-- the event's position; a node at level L and index I covers leaves I * 2^L to (I + 1) * 2^L - 1.
CREATE TABLE audit_tree (
    level        SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index   BIGINT   NOT NULL,
    hash         BYTEA    NOT NULL,
    global_index BIGINT,
    PRIMARY KEY (level, node_index),
    CHECK ((level = 0) = (global_index IS NOT NULL))
);
CREATE UNIQUE INDEX audit_tree_leaf_position ON audit_tree (global_index) WHERE level = 0;

-- Signed checkpoints of the tree (C2SP tlog-checkpoint in a signed note), kept so that an auditor can ask
-- for the consistency between one they hold and a later one.
CREATE TABLE audit_checkpoint (
    tree_size BIGINT      PRIMARY KEY,
    position  BIGINT      NOT NULL,
    root_hash BYTEA       NOT NULL,
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL
);

-- append-only, as the chain
CREATE TRIGGER audit_tree_append_only
    BEFORE UPDATE OR DELETE ON audit_tree
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER audit_tree_no_truncate
    BEFORE TRUNCATE ON audit_tree
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The service role's rights on the new tables (see V6): read and append, as on the chain.
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON audit_tree, audit_checkpoint TO %I', service_role);
END
$grants$;
