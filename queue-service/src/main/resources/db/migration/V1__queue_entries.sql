-- Queue entries: one row per patient visit in a department's queue.
create table queue_entries (
    id              uuid        primary key,
    department_id   uuid        not null,
    patient_id      uuid,
    status          text        not null,
    chief_complaint text        not null,
    arrived_at      timestamptz not null,
    checked_in_by   text        not null,
    version         bigint      not null default 0
);
create index queue_entries_department_status_idx on queue_entries (department_id, status, arrived_at);

-- Per-department event sequence: incremented in the transaction of every queue change, so consumers
-- can detect a missed event. The row lock also serialises one department's changes, which keeps the
-- outbox order equal to the sequence order.
create table department_sequences (
    department_id uuid   primary key,
    last_sequence bigint not null
);
