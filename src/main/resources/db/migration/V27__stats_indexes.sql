-- Statistics read a period's creations of a project and its decisions by time: without these
-- they would scan every annotation and every status change of every project.
create index if not exists ix_annotation_project_created on annotation (project_id, created_at);
create index if not exists ix_transition_to_at on annotation_transition (to_status, at);
