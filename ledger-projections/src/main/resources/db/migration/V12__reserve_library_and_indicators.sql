-- The reserve library of achievements and the figures of the plan's indicators (issue 16). New read models of
-- the one read-models processor: its token is removed so that the first start after this migration builds them,
-- and every other read model again, from the start of the log (as V8, V9 and V10 did).
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM payout_item;
DELETE FROM payout_person;
DELETE FROM contract_volume;
DELETE FROM contract_catalog;

-- One row per achievement as registered (AchievementRegistryProjection). Inventors are two arrays of the same
-- length; an inventor who is no contract's contributor has a NULL person id.
CREATE TABLE achievement (
    achievement_id      VARCHAR(100)    PRIMARY KEY,
    kind                VARCHAR(30)     NOT NULL,
    title               VARCHAR(1000)   NOT NULL,
    owner_ids           VARCHAR(100)[]  NOT NULL,
    inventor_names      VARCHAR(1000)[] NOT NULL,
    inventor_person_ids VARCHAR(100)[]  NOT NULL,
    technology_field    VARCHAR(1000)   NOT NULL,
    number              VARCHAR(100)    NOT NULL,
    number_date         DATE            NOT NULL,
    region_code         CHAR(6)         NOT NULL,
    registered_at       TIMESTAMPTZ     NOT NULL
);
CREATE INDEX achievement_owners ON achievement USING gin (owner_ids);
CREATE INDEX achievement_number ON achievement (number);

-- The stage as last moved by someone; the stage the registry answers is TRANSFORMED once a contract names it.
CREATE TABLE achievement_stage (
    achievement_id VARCHAR(100) PRIMARY KEY,
    stage          VARCHAR(20)  NOT NULL,
    moved_at       TIMESTAMPTZ  NOT NULL
);

-- What registered contracts name in their achievements (free text): an achievement's id or its grant or filing
-- number. Kept whether or not that achievement is registered yet, so the order of the two does not matter.
CREATE TABLE achievement_contract (
    named       VARCHAR(1000) NOT NULL,
    contract_id VARCHAR(100)  NOT NULL,
    signed_on   DATE          NOT NULL,
    PRIMARY KEY (named, contract_id)
);

-- Enterprises in incubators (IndicatorFiguresProjection).
CREATE TABLE incubation (
    incubation_id    VARCHAR(100)  PRIMARY KEY,
    incubator_id     VARCHAR(100)  NOT NULL,
    incubator_region CHAR(6)       NOT NULL,
    enterprise_name  VARCHAR(1000) NOT NULL,
    credit_code      CHAR(18)      NOT NULL,
    entered_on       DATE          NOT NULL,
    graduated_on     DATE
);

-- A region's reference figures for a year, each the last recorded, with its source.
CREATE TABLE region_figure (
    region_code       CHAR(6)       NOT NULL,
    year              INTEGER       NOT NULL,
    population        BIGINT,
    population_source VARCHAR(1000),
    patent_stock      BIGINT,
    stock_source      VARCHAR(1000),
    PRIMARY KEY (region_code, year)
);

-- The service role's rights on the new tables (see V6).
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON achievement, achievement_stage, achievement_contract, '
        || 'incubation, region_figure TO %I', service_role);
END
$grants$;
