-- Enterprises' technology demands and the matches made between them and achievements of the reserve library
-- (issue 16, DemandBookProjection). The events it reads are new with this migration: no log holds any yet, so
-- no read model needs a rebuild and the read-models token stays.

-- One row per demand; closed_on is NULL while it is open.
CREATE TABLE technology_demand (
    demand_id        VARCHAR(100)   PRIMARY KEY,
    institution_id   VARCHAR(100)   NOT NULL,
    enterprise_name  VARCHAR(1000)  NOT NULL,
    credit_code      CHAR(18)       NOT NULL,
    region_code      CHAR(6)        NOT NULL,
    need             VARCHAR(1000)  NOT NULL,
    technology_field VARCHAR(1000)  NOT NULL,
    budget           NUMERIC(17, 2) NOT NULL,
    published_on     DATE           NOT NULL,
    closed_on        DATE,
    close_reason     VARCHAR(1000)
);
CREATE INDEX technology_demand_institution ON technology_demand (institution_id);

-- One row per match, with its outcome once concluded.
CREATE TABLE demand_match (
    demand_id    VARCHAR(100)  NOT NULL,
    match_id     VARCHAR(100)  NOT NULL,
    matched_on   DATE          NOT NULL,
    note         VARCHAR(1000),
    outcome      VARCHAR(30),
    concluded_on DATE,
    contract_id  VARCHAR(100),
    outcome_note VARCHAR(1000),
    PRIMARY KEY (demand_id, match_id)
);

-- The achievements each match named.
CREATE TABLE demand_match_achievement (
    demand_id      VARCHAR(100) NOT NULL,
    match_id       VARCHAR(100) NOT NULL,
    achievement_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (demand_id, match_id, achievement_id)
);
CREATE INDEX demand_match_achievement_id ON demand_match_achievement (achievement_id);

-- The service role's rights on the new tables (see V6).
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON technology_demand, demand_match, demand_match_achievement '
        || 'TO %I', service_role);
END
$grants$;
