-- Co-owned achievements (issue 15): a co-owned contract's own reward book now holds the seller's share of each
-- receipt and cost, not the whole deal, and the reward its receivables forecast is the seller's. The read models
-- are built again from the start of the log (as V15 did): the processor's token is removed, and with it the rows of
-- every read model of that processor.
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM reward_tax_payment;
DELETE FROM reward_approval_waiting;
DELETE FROM payout_item;
DELETE FROM payout_person;
DELETE FROM contract_volume;
DELETE FROM contract_catalog;
DELETE FROM achievement;
DELETE FROM achievement_stage;
DELETE FROM achievement_contract;
DELETE FROM incubation;
DELETE FROM region_figure;
DELETE FROM receivable;
DELETE FROM technology_demand;
DELETE FROM demand_match;
DELETE FROM demand_match_achievement;
DELETE FROM co_owner_obligation;
