-- Share obligations beside cash (issue 15): what is received, required and allocated in shares, per contract.
-- The rows of contracts recorded before have no share figures yet: the read models are emptied and the one
-- processor's token removed (as V8 did), so that they are built again from the start of the log.
ALTER TABLE reward_obligation
    ADD COLUMN shares_received  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN required_shares  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_allocated BIGINT NOT NULL DEFAULT 0;
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM payout_item;
DELETE FROM contract_volume;
