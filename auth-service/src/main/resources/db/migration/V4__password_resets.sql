-- Single-use password reset tokens, valid 30 minutes; only their SHA-256 is stored.
create table password_reset_tokens (
    token_hash text        primary key,
    user_id    uuid        not null references users (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_tokens_user_idx on password_reset_tokens (user_id);
