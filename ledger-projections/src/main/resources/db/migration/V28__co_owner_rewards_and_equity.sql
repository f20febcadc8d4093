-- Co-owned achievements (issue 15): shares received are split among the co-owners like money, and a co-owner other
-- than the seller decides, publicises and pays its own reward on its own share. Each co-owner's row gains its
-- equity (shares, their value, shares required and allocated) and what it decided and paid; a payout item names the
-- co-owner that decided or paid it (null: the contract's seller). The seller's book now holds its part of the
-- shares, so the read models are built again from the start of the log (as V26 did): the processor's token is
-- removed, and with it the rows of every read model of that processor.
ALTER TABLE co_owner_obligation
    ADD COLUMN reward_decided_fen BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN reward_paid_fen    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN outstanding_fen    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_received    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN equity_value_fen   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN required_shares    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN shares_allocated   BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payout_item ADD COLUMN institution_id VARCHAR(100);

DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM reward_tax_payment;
DELETE FROM reward_approval_waiting;
DELETE FROM implementation_obligation;
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
