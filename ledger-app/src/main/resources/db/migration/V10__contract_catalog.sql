-- The console's read models (issue 14). The read-models processor must build them from the start of the log,
-- exactly as a replay would: its tokens are removed and every read model is emptied (as in V8), so the first
-- start after this migration rebuilds them all before the queries see every contract again.
DELETE FROM token_entry WHERE processor_name = 'read-models';
DELETE FROM reward_obligation;
DELETE FROM payout_item;
DELETE FROM contract_volume;

-- One row per contract for the contract list (ContractCatalogProjection), at the amounts in force.
-- search_text: contract id, registration number, buyer, field, contributors' names and person ids, in lower
-- case, separated by U+001F (no id or text may hold a control character, so a match never spans two).
CREATE TABLE contract_catalog (
    contract_id         VARCHAR(100)  PRIMARY KEY,
    registration_number VARCHAR(100)  NOT NULL,
    institution_id      VARCHAR(100)  NOT NULL,
    kind                VARCHAR(30)   NOT NULL,
    buyer_name          VARCHAR(1000) NOT NULL,
    technology_field    VARCHAR(1000) NOT NULL,
    signed_on           DATE          NOT NULL,
    total_fen           BIGINT        NOT NULL,
    technology_fen      BIGINT        NOT NULL,
    terminated          BOOLEAN       NOT NULL,
    search_text         TEXT          NOT NULL
);
-- the list's order (newest first, then contract id), whole and within one institution, so a page is an index walk
CREATE INDEX contract_catalog_newest ON contract_catalog (signed_on DESC, contract_id);
CREATE INDEX contract_catalog_institution ON contract_catalog (institution_id, signed_on DESC, contract_id);

-- The status moves with the calendar, once: RewardStatus.of gives one status up to due_by and another after it.
-- Both are stored, computed by that one function, so that SQL can filter by status on any day without a copy
-- of the rule (RewardObligationProjection.STATUS_ON).
ALTER TABLE reward_obligation ADD COLUMN status_until_due VARCHAR(11) NOT NULL;
ALTER TABLE reward_obligation ADD COLUMN status_after_due VARCHAR(11) NOT NULL;

-- The contributors of each contract as registered: the payouts' names and the contract's institution.
CREATE TABLE payout_person (
    contract_id    VARCHAR(100)  NOT NULL,
    person_id      VARCHAR(100)  NOT NULL,
    name           VARCHAR(1000) NOT NULL,
    institution_id VARCHAR(100)  NOT NULL,
    PRIMARY KEY (contract_id, person_id)
);
CREATE INDEX payout_person_institution ON payout_person (institution_id);

-- The service role's rights on the new tables (see V6).
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON contract_catalog, payout_person TO %I', service_role);
END
$grants$;
