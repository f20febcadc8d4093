-- The service instances working on this database, each refreshing its row while it runs: how a node
-- knows how many share the read models' segments with it (see SegmentBalancer).
CREATE TABLE ledger_node (
    node_id      VARCHAR(200) PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
