-- Relations (issue 20): typed, directed links between two spans of one article, reviewed like
-- spans. A project's relation types say which labels each end may carry (label keys, comma-separated:
-- a label renamed keeps its key). The news preset has ATTRIBUTED_TO (claim -> actor) and
-- LOCATED_IN (claim -> location).
create sequence relation_type_SEQ start with 1 increment by 50;
create table relation_type (
    id          bigint primary key,
    project_id  bigint not null references project (id),
    type_key    varchar(64) not null,
    name        varchar(200) not null,
    from_labels varchar(2000) not null,
    to_labels   varchar(2000) not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_relation_type_key unique (project_id, type_key)
);

create sequence relation_SEQ start with 1 increment by 50;
create table relation (
    id                bigint primary key,
    project_id        bigint not null references project (id),
    article_id        bigint not null references article (id),
    type_id           bigint not null references relation_type (id),
    from_id           bigint not null references annotation (id),
    to_id             bigint not null references annotation (id),
    note              varchar(4000),
    status            varchar(20) not null,
    author            varchar(100) not null,
    reviewer          varchar(100),
    review_comment    varchar(4000),
    version           integer not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    status_changed_at timestamp(6) with time zone not null,
    deleted_at        timestamp(6) with time zone
);
create index ix_relation_article on relation (article_id, deleted_at);
create index ix_relation_from on relation (from_id);
create index ix_relation_to on relation (to_id);
create index ix_relation_project_status on relation (project_id, status, status_changed_at);
