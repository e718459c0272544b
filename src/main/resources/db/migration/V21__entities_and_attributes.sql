-- Entities and attributes (issue 20). An entity is a project's canonical actor, location or topic;
-- its type is the key of a label that links entities (label.links_entity). Spans of such labels
-- may point at one (annotation.entity_id). Search runs in Java over a project's entities (names
-- and aliases, ignoring case and accents), so aliases are plain rows on both databases.
create sequence entity_SEQ start with 1 increment by 50;
create table entity (
    id          bigint primary key,
    project_id  bigint not null references project (id),
    name        varchar(300) not null,
    entity_type varchar(50) not null,
    qid         varchar(20),
    created_by  varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);
create index ix_entity_project on entity (project_id, id);

-- Other names of an entity: given by hand, or grown from the quotes of the spans linked to it.
create sequence entity_alias_SEQ start with 1 increment by 50;
create table entity_alias (
    id        bigint primary key,
    entity_id bigint not null references entity (id),
    alias     varchar(300) not null,
    constraint uq_entity_alias unique (entity_id, alias)
);

alter table annotation add column entity_id bigint;
alter table annotation add constraint fk_annotation_entity foreign key (entity_id) references entity (id);
create index ix_annotation_entity on annotation (entity_id);
-- {key: value} checked against the label's attribute definitions; JSON text (no jsonb on H2).
alter table annotation add column attributes text;

-- The label's attribute definitions, [{key, name, type: number / text / choice, choices}], JSON text.
alter table label add column attributes text;
