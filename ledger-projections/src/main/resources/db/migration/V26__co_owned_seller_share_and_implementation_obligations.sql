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

-- Self-implementation (issue 15): one row per implementation, written by the reward obligations read model from the
-- implementation's reward book, its counted operating profits standing for net income; the status follows from
-- the figures and the day asked.
CREATE TABLE implementation_obligation (
    implementation_id   VARCHAR(100)  PRIMARY KEY,
    institution_id      VARCHAR(100)  NOT NULL,
    title               VARCHAR(1000) NOT NULL,
    profit_fen          BIGINT        NOT NULL,
    required_reward_fen BIGINT        NOT NULL,
    reward_decided_fen  BIGINT        NOT NULL,
    reward_paid_fen     BIGINT        NOT NULL,
    outstanding_fen     BIGINT        NOT NULL,
    due_by              DATE
);
CREATE INDEX implementation_obligation_institution ON implementation_obligation (institution_id);
DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON implementation_obligation TO %I', '${serviceRole}');
    END IF;
END
$grants$;
