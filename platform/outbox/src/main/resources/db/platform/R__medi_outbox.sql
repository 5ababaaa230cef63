-- Transactional outbox, owned by platform/outbox and shared in shape by every service database.
-- Repeatable and idempotent, so it can evolve without taking version numbers from the service.
create table if not exists outbox (
    position      bigint generated always as identity,
    id            uuid        not null primary key,
    topic         text        not null,
    partition_key text        not null,
    type          text        not null,
    source        text        not null,
    subject       text        not null,
    payload       text        not null,
    occurred_at   timestamptz not null
);
create index if not exists outbox_position_idx on outbox (position);
