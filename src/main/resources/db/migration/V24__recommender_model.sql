-- The recommender (issue 21): one row per project, the statistical name finder trained on its
-- approved spans. model: the OpenNLP model's bytes, null until a training succeeds. started_at:
-- when the last training began (the automatic retraining counts approvals since then);
-- claimed_by: the instance running it. suggested_up_to: the highest article id the model has
-- proposed spans on, so that articles imported later get the current model's suggestions too.
-- evaluation: JSON, precision / recall / F1 on the held-out articles.
create table recommender_model (
    project_id      bigint primary key references project (id),
    state           varchar(20) not null,
    started_at      timestamp(6) with time zone,
    claimed_by      varchar(100),
    trained_at      timestamp(6) with time zone,
    trained_on      integer not null,
    suggested_up_to bigint not null,
    evaluation      text,
    error           text,
    model           bytea
);
create index ix_suggestion_project_source on suggestion (project_id, source);
