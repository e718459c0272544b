-- Review workflow and audit trail.

-- The project is copied onto each annotation so that the review queue filters and pages by
-- project on one index, without joining articles (a queue of 100,000 opens like one of 10).
alter table annotation add column project_id bigint;
update annotation set project_id = (select a.project_id from article a where a.id = annotation.article_id);
alter table annotation alter column project_id set not null;
-- When the annotation entered its current status: the queue is oldest first by this.
alter table annotation add column status_changed_at timestamp(6) with time zone;
update annotation set status_changed_at = updated_at;
alter table annotation alter column status_changed_at set not null;
create index if not exists ix_annotation_queue on annotation (status, status_changed_at, id);
create index if not exists ix_annotation_project_queue on annotation (project_id, status, status_changed_at, id);

-- Every status change: who, when, from, to, comment.
create sequence annotation_transition_SEQ start with 1 increment by 50;
create table annotation_transition (
    id            bigint primary key,
    annotation_id bigint not null references annotation (id),
    from_status   varchar(20),
    to_status     varchar(20) not null,
    actor         varchar(100) not null,
    comment       text,
    at            timestamp(6) with time zone not null
);
create index if not exists ix_transition_annotation on annotation_transition (annotation_id, id);

-- Who did what to which record, with before and after as JSON text (portable: no jsonb).
create sequence audit_event_SEQ start with 1 increment by 50;
create table audit_event (
    id          bigint primary key,
    project_id  bigint,
    entity      varchar(40) not null,
    entity_id   bigint not null,
    action      varchar(40) not null,
    actor       varchar(100) not null,
    at          timestamp(6) with time zone not null,
    before_json text,
    after_json  text
);
create index if not exists ix_audit_entity on audit_event (entity, entity_id, id);
create index if not exists ix_audit_actor on audit_event (actor, id);
create index if not exists ix_audit_at on audit_event (at, id);
alter table annotation add constraint fk_annotation_project foreign key (project_id) references project (id);
