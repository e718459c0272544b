-- The audit page offers every (project, record type, action) the trail holds as filters; this
-- index answers that distinct list without reading the events, and the project filter itself.
create index if not exists ix_audit_kinds on audit_event (project_id, entity, action);
