-- Failed sign-ins per account name and per client address, in the database so that every replica
-- applies the same limits. Rows expire by their window; nothing here locks an account for good.
create table login_throttle (
    key           text        primary key,
    failures      integer     not null,
    window_start  timestamptz not null,
    blocked_until timestamptz
);
