-- Co-owned achievements (issue 15): one row per co-owner of a contract, written by the co-owner-obligations read
-- model from the contract's co-owner books: its share of the receipts, its net income and the reward it owes under
-- its own policy. No contract had co-owners before this migration, so no read model needs rebuilding.
CREATE TABLE co_owner_obligation (
    contract_id         VARCHAR(100)  NOT NULL,
    institution_id      VARCHAR(100)  NOT NULL,
    seller_id           VARCHAR(100)  NOT NULL,
    share               NUMERIC(7, 6) NOT NULL,
    policy_id           VARCHAR(100)  NOT NULL,
    income_fen          BIGINT        NOT NULL,
    net_income_fen      BIGINT        NOT NULL,
    required_reward_fen BIGINT        NOT NULL,
    due_by              DATE,
    PRIMARY KEY (contract_id, institution_id)
);
CREATE INDEX co_owner_obligation_institution ON co_owner_obligation (institution_id);
DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON co_owner_obligation TO %I', '${serviceRole}');
    END IF;
END
$grants$;
