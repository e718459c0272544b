-- Datasets: saved export definitions, the state of their build, and the files it froze.
-- Portable SQL (H2 2.x and PostgreSQL 15): lists are comma-separated text, fractions numeric.

create sequence dataset_SEQ start with 1 increment by 50;
create table dataset (
    id              bigint primary key,
    project_id      bigint not null references project (id),
    name            varchar(200) not null,
    format          varchar(10) not null,
    -- The selection: statuses (e.g. APPROVED), label keys (null = every label), article ids
    -- (null = every article) and an inclusive range of published dates (either end optional).
    statuses        varchar(100) not null,
    label_keys      text,
    article_ids     text,
    published_from  varchar(10),
    published_to    varchar(10),
    split_train     numeric(10, 9) not null,
    split_dev       numeric(10, 9) not null,
    split_test      numeric(10, 9) not null,
    seed            bigint not null,
    -- The build: QUEUED -> RUNNING -> DONE or FAILED.
    state           varchar(10) not null,
    articles_done   integer not null,
    articles_total  integer not null,
    error_message   text,
    created_by      varchar(100) not null,
    created_at      timestamp(6) with time zone not null,
    started_at      timestamp(6) with time zone,
    finished_at     timestamp(6) with time zone
);
create index if not exists ix_dataset_project on dataset (project_id, id);
create index if not exists ix_dataset_state on dataset (state, id);

-- The files of a built dataset, in the folder <gloss.datasets.dir>/<dataset id>/.
create table dataset_file (
    dataset_id bigint not null references dataset (id),
    name       varchar(200) not null,
    bytes      bigint not null,
    sha256     varchar(64) not null,
    primary key (dataset_id, name)
);
