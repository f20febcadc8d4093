-- The reduced wage tax of each cash payment that stands (issue 22; Caishui [2018] No. 58): what the payouts and
-- the reward-tax report show, written by the reward-obligations read model from the contract's RewardBook.
-- Payments recorded before have no row yet: the read models are emptied and the one processor's token removed
-- (as V9 did), so that they are built again from the start of the log.
CREATE TABLE reward_tax_payment (
    contract_id    VARCHAR(100) NOT NULL,
    payment_id     VARCHAR(100) NOT NULL,
    institution_id VARCHAR(100) NOT NULL,
    person_id      VARCHAR(100) NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    paid_on        DATE         NOT NULL,
    qualifies      BOOLEAN      NOT NULL,
    reason         VARCHAR(40), -- the first condition that failed; null when the payment qualifies
    PRIMARY KEY (contract_id, payment_id)
);
CREATE INDEX reward_tax_payment_paid_on ON reward_tax_payment (paid_on, institution_id);
-- the service's own role, when the migrations run as another (V6), writes it like the other read models
DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON reward_tax_payment TO %I', '${serviceRole}');
    END IF;
END
$grants$;
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM payout_item;
DELETE FROM contract_volume;
