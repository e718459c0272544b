-- Personal API tokens: only the SHA-256 of a token is stored; the token itself is shown once.
create sequence api_token_SEQ start with 1 increment by 50;
create table api_token (
    id           bigint primary key,
    username     varchar(100) not null,
    name         varchar(100) not null,
    token_hash   varchar(64) not null,
    -- Roles when the token was made: used only for accounts without a local row (Keycloak users),
    -- whose current roles Gloss cannot look up without a Keycloak token.
    roles        varchar(200) not null,
    created_at   timestamp(6) with time zone not null,
    last_used_at timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    constraint uq_api_token_hash unique (token_hash)
);
create index if not exists ix_api_token_username on api_token (username);
