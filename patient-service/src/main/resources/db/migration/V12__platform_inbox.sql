-- The queue-events consumer now claims events in the platform inbox (medi_inbox, platform/outbox) as the consumer
-- named after its topic. Carry over what it applied under its old name, so an event processed before the upgrade
-- and redelivered after it is still recognised, then drop the service's own inbox.
-- Versioned migrations run before the repeatable ones, so medi_inbox may not exist yet: created here exactly as
-- db/platform/R__medi_inbox.sql creates it (which then finds it and changes nothing).
create table if not exists medi_inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists medi_inbox_processed_at_idx on medi_inbox (processed_at);

insert into medi_inbox (consumer, event_id, processed_at)
select case consumer when 'queue-events' then 'medi.queue.events.v1' else consumer end, event_id, processed_at
from processed_events
on conflict do nothing;

drop table processed_events;
