-- Every accepted command, by its own id: a repeat with the same content answers as the first time,
-- the same id with other content is refused. Written in the transaction that records the command's
-- events, so it holds across restarts and between nodes exactly as the events do.
CREATE TABLE command_log (
    command_key  VARCHAR(400) PRIMARY KEY,
    fingerprint  CHAR(64)     NOT NULL,
    version      BIGINT,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
