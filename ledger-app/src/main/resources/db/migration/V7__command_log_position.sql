-- The command's event position, written with the entry in the command's transaction, so that neither
-- the first answer nor a repeat needs another look into the log. Entries made before stay null.
ALTER TABLE command_log ADD COLUMN position BIGINT;
