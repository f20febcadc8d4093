-- The service's own database role, when the migrations run as another one that owns every table: on
-- the embedded server the ledger's role ledger_app, on an external one LEDGER_DB_USER when
-- LEDGER_DB_MIGRATION_USER is set (see docs/operations.md). Owning nothing, it can neither alter the
-- tables nor drop or disable their triggers; the event log, the audit chain, the registration
-- numbers and the command log it may only read and append to. Empty when the service migrates as itself.
-- A later migration that adds a table grants the service role what it needs on it.
DO $grants$
DECLARE
    service_role text := '${serviceRole}';
BEGIN
    IF service_role = '' OR service_role = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), service_role);
    EXECUTE format('GRANT SELECT, INSERT ON domain_event_entry, audit_chain, registration_number TO %I', service_role);
    EXECUTE format('GRANT SELECT, INSERT ON command_log TO %I', service_role);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, ledger_node, '
        || 'deadletterentry, reward_obligation, payout_item, contract_volume TO %I', service_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), service_role);
END
$grants$;
