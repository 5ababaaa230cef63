-- Departments with their waiting-time targets per ESI level (seconds) and the local time at which the
-- day's queue is closed. Rooms are where doctors call patients to.
create table departments (
    id                  uuid        primary key,
    code                text        not null unique,
    name                text        not null,
    time_zone           text        not null,
    auto_close_at       time        not null,
    sla_esi1_seconds    integer     not null,
    sla_esi2_seconds    integer     not null,
    sla_esi3_seconds    integer     not null,
    sla_esi4_seconds    integer     not null,
    sla_esi5_seconds    integer     not null,
    active              boolean     not null default true,
    last_auto_close_on  date,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint departments_code_format check (code ~ '^[A-Z0-9]{2,6}$'),
    constraint departments_sla_order check (sla_esi1_seconds >= 0 and sla_esi1_seconds <= sla_esi2_seconds
        and sla_esi2_seconds <= sla_esi3_seconds and sla_esi3_seconds <= sla_esi4_seconds
        and sla_esi4_seconds <= sla_esi5_seconds)
);

create table rooms (
    id            uuid    primary key,
    department_id uuid    not null references departments (id),
    name          text    not null,
    active        boolean not null default true,
    version       bigint  not null default 0,
    unique (department_id, name)
);

-- Ticket numbers restart every day per department (GEN-001, GEN-002 ...); the row lock serialises them.
create table department_days (
    department_id uuid    not null,
    day           date    not null,
    last_ticket   integer not null,
    primary key (department_id, day)
);

-- The entry grows its lifecycle. Entries checked in before this migration get a placeholder ticket.
alter table queue_entries
    add column ticket               text,
    add column ticket_day           date,
    add column arrival_name         text,
    add column esi_level            smallint,
    add column priority             smallint,
    add column priority_override    smallint,
    add column sla_due_at           timestamptz,
    add column sla_breached_at      timestamptz,
    add column triaged_at           timestamptz,
    add column called_by            uuid,
    add column room                 text,
    add column called_at            timestamptz,
    add column consultation_started_at timestamptz,
    add column ended_at             timestamptz,
    add column transferred_to       uuid,
    add column transferred_from     uuid;
with numbered as (select id, row_number() over (order by arrived_at) as n from queue_entries)
update queue_entries q
   set ticket = 'OLD-' || lpad(numbered.n::text, 3, '0'), ticket_day = (q.arrived_at at time zone 'UTC')::date,
       priority = 3, sla_due_at = q.arrived_at + interval '30 minutes'
  from numbered where q.id = numbered.id;
alter table queue_entries
    alter column ticket set not null,
    alter column ticket_day set not null,
    alter column priority set not null,
    alter column sla_due_at set not null,
    add constraint queue_entries_esi check (esi_level between 1 and 5),
    add constraint queue_entries_priority check (priority between 1 and 5 and (priority_override is null or priority_override between 1 and 5));
create unique index queue_entries_ticket_idx on queue_entries (department_id, ticket_day, ticket);
drop index queue_entries_department_status_idx;
-- the live queue: active entries of a department in queue order
create index queue_entries_active_idx on queue_entries (department_id, priority, arrived_at)
    where status in ('ARRIVED', 'TRIAGED', 'CALLED', 'IN_CONSULTATION');
-- recent consultations, for the wait estimate
create index queue_entries_ended_idx on queue_entries (department_id, ended_at) where status = 'FINISHED';

-- Every status change with who, when and why. Append-only: history is never overwritten.
create table queue_transitions (
    id          uuid        primary key,
    entry_id    uuid        not null references queue_entries (id),
    from_status text,
    to_status   text        not null,
    actor       text        not null,
    at          timestamptz not null,
    reason      text,
    room        text
);
create index queue_transitions_entry_idx on queue_transitions (entry_id, at);

-- Triage assessments, append-only: the engine's level and rule, the nurse's final level and the reason
-- for an override. The vitals are kept as measured (patient-service records them as observations too).
create table triage_assessments (
    id                       uuid        primary key,
    entry_id                 uuid        not null references queue_entries (id),
    assessed_by              text        not null,
    assessed_at              timestamptz not null,
    age_days                 integer     not null,
    heart_rate               integer,
    respiratory_rate         integer,
    spo2                     integer,
    systolic_bp              integer,
    diastolic_bp             integer,
    temperature_celsius      numeric(4, 1),
    pain                     smallint,
    consciousness            text,
    life_saving_intervention boolean     not null,
    high_risk                boolean     not null,
    new_confusion            boolean     not null,
    severe_pain_or_distress  boolean     not null,
    expected_resources       smallint    not null,
    engine_level             smallint    not null,
    engine_rule              text        not null,
    final_level              smallint    not null,
    override_reason          text,
    constraint triage_override_needs_reason check (final_level = engine_level or override_reason is not null)
);
create index triage_assessments_entry_idx on triage_assessments (entry_id, assessed_at);

-- Idempotent check-in: the first request with a key creates the entry; repeats get the same entry.
create table idempotency_keys (
    caller       text        not null,
    key          text        not null,
    request_hash text        not null,
    entry_id     uuid        not null,
    created_at   timestamptz not null,
    primary key (caller, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
