-- Inbox of every Kafka consumer that changes this service's database (platform/outbox, dev.medi.platform.inbox):
-- which CloudEvents each consumer applied. A row is inserted in the transaction of the event's effect, so a
-- redelivered event finds it and changes nothing. Rows older than medi.inbox.retention are deleted.
-- Repeatable and idempotent, like the outbox.
create table if not exists medi_inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists medi_inbox_processed_at_idx on medi_inbox (processed_at);
