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
-- A service that numbers some of its events at commit (queue-service, per department) names the scope here,
-- so its trigger neither parses the Kafka key nor knows topic names.
alter table outbox add column if not exists sequence_scope uuid;
