-- Every read model is now fed by one processor, read-models (ProjectionConfiguration). The tokens of the
-- three processors that fed them one each are of no further use; the read models are emptied so that the
-- new processor builds them from the start of the log, exactly as a replay would. Their dead letters stay:
-- each read model keeps its processing group, and its letters their place in the queue.
DELETE FROM token_entry WHERE processor_name IN ('reward-obligations', 'payouts', 'contract-volumes');
DELETE FROM reward_obligation;
DELETE FROM payout_item;
DELETE FROM contract_volume;
