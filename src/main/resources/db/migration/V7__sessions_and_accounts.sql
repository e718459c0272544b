-- Login sessions kept on the server, so that logout, a password change, a deactivation or an
-- admin can end them (a cookie that merely decrypts is not enough), and so that every instance
-- sharing the database accepts them. Only the SHA-256 of the cookie's secret is stored.
create sequence user_session_SEQ start with 1 increment by 50;
create table user_session (
    id           bigint primary key,
    username     varchar(100) not null,
    token_hash   varchar(64) not null,
    created_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone not null,
    ended_at     timestamp(6) with time zone,
    constraint uq_user_session_hash unique (token_hash)
);
create index if not exists ix_user_session_username on user_session (username);

-- An inactive account cannot log in, and its sessions and tokens stop at once.
alter table app_user add column active boolean default true not null;

-- Usernames compare case-insensitively: "EDITOR" and "editor" are one account.
alter table app_user add column username_key varchar(100);
update app_user set username_key = lower(username);
alter table app_user alter column username_key set not null;
alter table app_user add constraint uq_app_user_username_key unique (username_key);

-- Where a token's owner comes from: a local account or Keycloak. A Keycloak user never takes the
-- roles of a local account that happens to have the same username. Tokens made before this
-- column existed by users without a local account were Keycloak users'.
alter table api_token add column source varchar(10) default 'local' not null;
update api_token set source = 'oidc'
 where not exists (select 1 from app_user u where u.username = api_token.username);
