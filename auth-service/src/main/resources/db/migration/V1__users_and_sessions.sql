-- Staff accounts. User names and e-mail addresses are stored lower-cased (the service normalises them),
-- so the unique indexes are case-insensitive without a special column type.
create table users (
    id            uuid        primary key,
    username      text        not null unique,
    email         text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    departments   uuid[]      not null,
    active        boolean     not null default true,
    theme         text        not null default 'system',
    locale        text        not null default 'en',
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint users_roles_known check (roles <@ array['receptionist', 'nurse', 'doctor', 'admin']::text[])
);

-- A login session: one family of refresh tokens. Rotation adds a token to the family; presenting a
-- token that was already rotated means it was stolen or replayed, and revokes the whole family.
create table refresh_sessions (
    id             uuid        primary key,
    user_id        uuid        not null references users (id),
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text,
    version        bigint      not null default 0
);
create index refresh_sessions_user_idx on refresh_sessions (user_id) where revoked_at is null;

-- Refresh tokens are random and only their SHA-256 is stored: a database leak yields no usable token.
create table refresh_tokens (
    token_hash  text        primary key,
    session_id  uuid        not null references refresh_sessions (id),
    issued_at   timestamptz not null,
    rotated_at  timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);
