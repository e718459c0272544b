-- The queue filters on "deleted_at is null": with the column in the index, paging and counting
-- read the index alone instead of visiting every row.
drop index if exists ix_annotation_queue;
drop index if exists ix_annotation_project_queue;
create index if not exists ix_annotation_queue on annotation (status, deleted_at, status_changed_at, id);
create index if not exists ix_annotation_project_queue on annotation (project_id, status, deleted_at, status_changed_at, id);
