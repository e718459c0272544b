-- Large JSON Lines imports run in the background (io.gloss.article.ImportJobRunner). Each batch
-- of articles commits with the job's counters, so the row says exactly how far the file got and a
-- restart resumes after lines_read. Portable SQL (H2 2.x and PostgreSQL 15).
create sequence import_job_SEQ start with 1 increment by 50;
create table import_job (
    id           bigint primary key,
    project_id   bigint not null references project (id),
    file_name    varchar(200) not null,
    bytes        bigint not null,
    -- QUEUED -> RUNNING -> DONE or FAILED.
    state        varchar(10) not null,
    lines_total  integer not null,
    lines_read   integer not null,
    imported     integer not null,
    duplicates   integer not null,
    error_count  integer not null,
    -- A sentence for a person: why it failed, or that a restart resumed it.
    message      text,
    created_by   varchar(100) not null,
    created_at   timestamp(6) with time zone not null,
    started_at   timestamp(6) with time zone,
    finished_at  timestamp(6) with time zone
);
create index if not exists ix_import_job_project on import_job (project_id, id);
create index if not exists ix_import_job_state on import_job (state, id);

-- The first refused lines of a job (gloss.import.errors-kept); error_count counts them all.
create table import_job_error (
    job_id  bigint not null references import_job (id),
    line    integer not null,
    message text not null,
    primary key (job_id, line)
);
