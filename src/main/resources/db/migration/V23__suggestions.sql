-- Suggestions (issue 21): spans the machine proposes and an editor accepts or rejects. They live
-- apart from annotation, so exports and the review queue never see them. for_user: the editor a
-- suggestion is proposed to, null for every editor of the project. source: OCCURRENCE (label all
-- occurrences), ENTITY, MODEL or IMPORT.
create sequence suggestion_SEQ start with 1 increment by 50;
create table suggestion (
    id           bigint primary key,
    project_id   bigint not null references project (id),
    article_id   bigint not null references article (id),
    label_id     bigint not null references label (id),
    start_offset integer not null,
    end_offset   integer not null,
    quote        text not null,
    source       varchar(20) not null,
    score        double precision,
    entity_id    bigint references entity (id),
    for_user     varchar(100),
    created_at   timestamp(6) with time zone not null
);
create index ix_suggestion_article on suggestion (article_id, label_id, start_offset, end_offset);

-- An editor's "no" to a span and label: it is never proposed to that editor again, whichever
-- suggestion (or a later one at the same place) proposed it.
create sequence suggestion_rejection_SEQ start with 1 increment by 50;
create table suggestion_rejection (
    id           bigint primary key,
    project_id   bigint not null references project (id),
    article_id   bigint not null references article (id),
    label_id     bigint not null references label (id),
    start_offset integer not null,
    end_offset   integer not null,
    username     varchar(100) not null,
    rejected_at  timestamp(6) with time zone not null,
    constraint uq_suggestion_rejection unique (article_id, label_id, start_offset, end_offset, username)
);

-- Where an annotation came from: the source of the suggestion an editor accepted, null for a span
-- made by hand.
alter table annotation add column origin varchar(20);
