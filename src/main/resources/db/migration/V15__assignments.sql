-- Who annotates which article (issue 17). One row per article and editor, never two: the state
-- moves ASSIGNED -> IN_PROGRESS (their first span) -> DONE (their "Mark done", which freezes
-- their spans on the article until an admin reopens it). Usernames, as project_member, so that
-- Keycloak accounts need no local row.
create sequence assignment_SEQ start with 1 increment by 50;
create table assignment (
    id         bigint primary key,
    project_id bigint not null references project (id),
    article_id bigint not null references article (id),
    username   varchar(100) not null,
    state      varchar(20) not null,
    version    integer not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    constraint uq_assignment_article_username unique (article_id, username)
);
create index ix_assignment_project_username on assignment (project_id, username, state);
create index ix_assignment_project_state on assignment (project_id, state, article_id);
