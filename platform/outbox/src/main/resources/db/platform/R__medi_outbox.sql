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

-- The outbox wakes its relay itself (ADR 0011): a statement that adds events sends pg_notify('medi_outbox'),
-- delivered to the relay's LISTEN connection when the transaction commits (never for a rollback). NOTIFY
-- serialises the commits that send one, so only one transaction at a time sends it: the one that gets the wake
-- gate, a transaction-scoped advisory lock; a transaction that finds the gate taken skips its NOTIFY, because
-- the drain that the gate holder's NOTIFY starts reads until the outbox is empty. The relay's 1-second poll
-- remains the safety net for the rare row committed after that drain's last read.
create or replace function medi_outbox_wake() returns trigger language plpgsql as $$
begin
    -- "medi-wak" folded into a bigint; OutboxRelay.WAKE_GATE
    if pg_try_advisory_xact_lock(7882817125679063403) then
        perform pg_notify('medi_outbox', '');
    end if;
    return null;
end
$$;
drop trigger if exists medi_outbox_wake on outbox;
create trigger medi_outbox_wake
    after insert on outbox
    for each statement execute function medi_outbox_wake();
