-- Gloss schema. Runs unchanged on H2 2.x and PostgreSQL 15: no jsonb, no clob, no "on conflict".
-- Ids come from sequences named <table>_SEQ with increment 50 (Panache's default generator).

create sequence app_user_SEQ start with 1 increment by 50;
create table app_user (
    id            bigint primary key,
    username      varchar(100) not null,
    password_hash varchar(200),
    roles         varchar(200) not null,
    created_at    timestamp(6) with time zone not null,
    constraint uq_app_user_username unique (username)
);

create sequence project_SEQ start with 1 increment by 50;
create table project (
    id          bigint primary key,
    name        varchar(200) not null,
    description text,
    guidelines  text,
    created_at  timestamp(6) with time zone not null,
    constraint uq_project_name unique (name)
);

-- Membership by username, so that accounts from Keycloak need no local row.
create table project_member (
    project_id bigint not null references project (id),
    username   varchar(100) not null,
    added_at   timestamp(6) with time zone not null,
    primary key (project_id, username)
);
create index if not exists ix_project_member_username on project_member (username);

create sequence label_SEQ start with 1 increment by 50;
create table label (
    id           bigint primary key,
    project_id   bigint not null references project (id),
    label_key    varchar(50) not null,
    name         varchar(100) not null,
    color        varchar(7) not null,
    shortcut     varchar(1),
    description  text,
    links_entity boolean not null,
    sort_order   integer not null,
    constraint uq_label_key unique (project_id, label_key)
);

create sequence article_SEQ start with 1 increment by 50;
create table article (
    id          bigint primary key,
    project_id  bigint not null references project (id),
    title       varchar(500) not null,
    source      varchar(200),
    url         varchar(2000),
    author      varchar(200),
    published   varchar(40),
    language    varchar(20),
    external_id varchar(200),
    body        text not null,
    length      integer not null,
    sha256      varchar(64) not null,
    created_by  varchar(100) not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_article_text unique (project_id, sha256)
);
create index if not exists ix_article_project on article (project_id, id);

create sequence annotation_SEQ start with 1 increment by 50;
create table annotation (
    id           bigint primary key,
    article_id   bigint not null references article (id),
    label_id     bigint not null references label (id),
    start_offset integer not null,
    end_offset   integer not null,
    quote        text not null,
    note         text,
    status       varchar(20) not null,
    author       varchar(100) not null,
    reviewer     varchar(100),
    review_comment text,
    version      integer not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    deleted_at   timestamp(6) with time zone,
    constraint ck_annotation_offsets check (start_offset >= 0 and end_offset > start_offset)
);
create index if not exists ix_annotation_article on annotation (article_id, start_offset);
create index if not exists ix_annotation_author on annotation (author);
