-- Issue 23: reward decisions routed for approval. Beside each contract's obligation, what is proposed and not yet
-- approved (pending: not counted as decided); and one row per proposed decision with the level it waits for, which
-- gives each approver the list of decisions waiting for them. Written by the reward-obligations read model from the
-- contract's state; the read models are emptied and the one processor's token removed (as V9, V11 and V12 did), so
-- that they are built again from the start of the log.
ALTER TABLE reward_obligation ADD COLUMN reward_pending_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reward_obligation ADD COLUMN shares_pending BIGINT NOT NULL DEFAULT 0;
CREATE TABLE reward_approval_waiting (
    contract_id    VARCHAR(100) NOT NULL,
    decision_id    VARCHAR(100) NOT NULL,
    institution_id VARCHAR(100) NOT NULL,
    next_level     VARCHAR(40)  NOT NULL,
    decided_on     DATE         NOT NULL,
    total_fen      BIGINT,      -- a cash decision's total; null for shares
    total_shares   BIGINT,      -- an equity decision's shares; null for cash
    value_fen      BIGINT       NOT NULL, -- what the decision was routed by
    proposed_by    VARCHAR(200) NOT NULL,
    PRIMARY KEY (contract_id, decision_id)
);
CREATE INDEX reward_approval_waiting_level ON reward_approval_waiting (institution_id, next_level);
DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON reward_approval_waiting TO %I', '${serviceRole}');
    END IF;
END
$grants$;
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM reward_tax_payment;
DELETE FROM payout_item;
DELETE FROM payout_person;
DELETE FROM contract_volume;
DELETE FROM contract_catalog;
DELETE FROM achievement;
DELETE FROM achievement_stage;
DELETE FROM achievement_contract;
DELETE FROM incubation;
DELETE FROM region_figure;
