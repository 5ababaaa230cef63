-- Optional TOTP second factor (RFC 6238). The shared secret must be readable to check codes, so it is
-- stored encrypted (AES-GCM, key outside the database). totp_last_step is the last accepted time step:
-- a code is accepted once (RFC 6238 section 5.2).
alter table users
    add column totp_secret         text,
    add column totp_pending_secret text,
    add column totp_enabled_at     timestamptz,
    add column totp_last_step      bigint;

-- Whether the session was opened (or upgraded) with the second factor: decides what a refresh hands out.
alter table refresh_sessions
    add column second_factor boolean not null default false;

-- Per-role security policy set by an admin: which roles must use a second factor.
create table role_policies (
    role          text        primary key,
    totp_required boolean     not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    version       bigint      not null default 0,
    constraint role_policies_role_known check (role in ('receptionist', 'nurse', 'doctor', 'admin'))
);
insert into role_policies (role, totp_required, updated_at, updated_by)
select role, false, now(), 'migration' from unnest(array['receptionist', 'nurse', 'doctor', 'admin']) as role;
