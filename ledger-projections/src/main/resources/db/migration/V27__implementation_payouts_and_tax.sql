-- Self-implementation rewards (issue 15) where each person's reward is looked up: the years of operating profit
-- beside each implementation's obligation, each allocation and payment in the payouts, and each payment's reduced
-- wage tax (never qualifying: docs/domain.md). Events recorded before have no rows yet: the read models are built
-- again from the start of the log (as V26 did), the processor's token removed with the rows of every read model.
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
DELETE FROM implementation_obligation;

-- Each year of an implementation's operating profit: whether it is rewarded and what it adds to the reward owed.
CREATE TABLE implementation_profit_year (
    implementation_id    VARCHAR(100) NOT NULL,
    year                 INTEGER      NOT NULL,
    operating_profit_fen BIGINT       NOT NULL,
    counted              BOOLEAN      NOT NULL,
    owed_fen             BIGINT       NOT NULL,
    PRIMARY KEY (implementation_id, year)
);

-- Each self-implementation reward payment with its reduced wage tax, as reward_tax_payment keeps a contract's.
CREATE TABLE implementation_tax_payment (
    implementation_id VARCHAR(100) NOT NULL,
    payment_id        VARCHAR(100) NOT NULL,
    institution_id    VARCHAR(100) NOT NULL,
    person_id         VARCHAR(100) NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    paid_on           DATE         NOT NULL,
    qualifies         BOOLEAN      NOT NULL,
    reason            VARCHAR(40),
    PRIMARY KEY (implementation_id, payment_id)
);
CREATE INDEX implementation_tax_payment_paid_on ON implementation_tax_payment (paid_on, institution_id);

-- What each person was allocated and paid from a self-implementation's profits, as payout_item keeps a contract's.
CREATE TABLE implementation_payout_item (
    implementation_id VARCHAR(100) NOT NULL,
    kind              VARCHAR(10)  NOT NULL, -- ALLOCATION or PAYMENT
    item_id           VARCHAR(100) NOT NULL, -- the decision id or the payment id
    person_id         VARCHAR(100) NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    item_date         DATE         NOT NULL, -- decidedOn or paidOn
    reference         VARCHAR(1000),
    PRIMARY KEY (implementation_id, kind, item_id, person_id)
);
CREATE INDEX implementation_payout_item_person ON implementation_payout_item (person_id, item_date);

-- The contributors of each implementation, for the names and the institution of its items.
CREATE TABLE implementation_payout_person (
    implementation_id VARCHAR(100) NOT NULL,
    person_id         VARCHAR(100) NOT NULL,
    name              VARCHAR(1000) NOT NULL,
    institution_id    VARCHAR(100) NOT NULL,
    PRIMARY KEY (implementation_id, person_id)
);

DO $grants$
BEGIN
    IF '${serviceRole}' <> '' AND '${serviceRole}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON implementation_profit_year, implementation_tax_payment, '
            || 'implementation_payout_item, implementation_payout_person TO %I', '${serviceRole}');
    END IF;
END
$grants$;
