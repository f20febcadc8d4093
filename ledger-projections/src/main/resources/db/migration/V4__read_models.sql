-- Read models: built from the event log by ledger-projections, rebuilt from it at any time.
-- Amounts are whole fen (BIGINT), exactly as the domain's Money holds them.

-- One row per contract: what the reward policy requires and what was decided and paid.
-- The status is not stored: it moves with the calendar and is derived from due_by when asked.
CREATE TABLE reward_obligation (
    contract_id         VARCHAR(100) PRIMARY KEY,
    institution_id      VARCHAR(100) NOT NULL,
    net_income_fen      BIGINT       NOT NULL,
    required_reward_fen BIGINT       NOT NULL,
    reward_decided_fen  BIGINT       NOT NULL,
    reward_paid_fen     BIGINT       NOT NULL,
    outstanding_fen     BIGINT       NOT NULL,
    due_by              DATE
);
CREATE INDEX reward_obligation_institution ON reward_obligation (institution_id);

-- What each person was allocated (by decision) and paid (by payment); reversed payments are removed.
CREATE TABLE payout_item (
    person_id   VARCHAR(100) NOT NULL,
    contract_id VARCHAR(100) NOT NULL,
    kind        VARCHAR(10)  NOT NULL, -- ALLOCATION or PAYMENT
    item_id     VARCHAR(100) NOT NULL, -- the decision id or the payment id
    amount_fen  BIGINT       NOT NULL,
    item_date   DATE         NOT NULL, -- decidedOn or paidOn
    reference   VARCHAR(1000),
    PRIMARY KEY (contract_id, kind, item_id, person_id)
);
CREATE INDEX payout_item_person ON payout_item (person_id, item_date);

-- One row per contract with the dimensions of the statistics, at the amounts in force.
CREATE TABLE contract_volume (
    contract_id      VARCHAR(100) PRIMARY KEY,
    signed_on        DATE         NOT NULL,
    signed_year      INTEGER      NOT NULL,
    signed_quarter   INTEGER      NOT NULL,
    kind             VARCHAR(30)  NOT NULL,
    technology_field VARCHAR(1000) NOT NULL,
    institution_id   VARCHAR(100) NOT NULL,
    seller_type      VARCHAR(30)  NOT NULL,
    seller_region    VARCHAR(6)   NOT NULL,
    buyer_region     VARCHAR(6)   NOT NULL,
    total_fen        BIGINT       NOT NULL,
    technology_fen   BIGINT       NOT NULL,
    terminated       BOOLEAN      NOT NULL
);
CREATE INDEX contract_volume_year ON contract_volume (signed_year);

-- Axon's dead-letter queue (JdbcSequencedDeadLetterQueue, default schema): an event a read model
-- cannot handle waits here, with the rest of its contract's events, instead of stopping the processor.
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX dead_letter_group ON DeadLetterEntry (processingGroup);
CREATE INDEX dead_letter_sequence_identifier ON DeadLetterEntry (processingGroup, sequenceIdentifier);
