-- The change log: audit events about what members see (annotations, later relations, assignments
-- and datasets) carry a cursor that counts per project. A project's counter row is locked from
-- the moment a change takes its number until the change commits, so numbers commit in order and
-- a reader that has seen cursor n has seen every change up to n.
create table change_counter (
    project_id  bigint primary key,
    last_cursor bigint not null
);
insert into change_counter (project_id, last_cursor) select id, 0 from project;

alter table audit_event add column change_cursor bigint;
alter table audit_event add column article_id bigint;
create index if not exists ix_audit_changes on audit_event (project_id, change_cursor);
