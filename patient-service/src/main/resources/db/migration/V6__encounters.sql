-- Encounters: a patient's visit with clinical staff of one department (FHIR Encounter). Opened by the
-- queue-event consumer when a queue entry goes into consultation (one encounter per queue entry), or directly
-- by a nurse or doctor; closed with an outcome. Nothing is deleted. Clinical notes reference encounters (id).
create table encounters (
    id              uuid        primary key,
    patient_id      uuid        not null references patients (id),
    department_id   uuid        not null,
    -- the queue entry the encounter came from (null when opened directly): the consumer's natural key
    queue_entry_id  uuid        unique,
    -- FHIR Encounter.status
    status          text        not null,
    -- FHIR Encounter.class (v3 ActCode): AMB ambulatory, EMER emergency
    encounter_class text        not null default 'AMB',
    -- user name of the clinician (opened directly) or user id (the doctor who called the queue entry)
    attending       text,
    room            text,
    -- chief complaint / reason for the visit (clinical data: never logged)
    reason          text,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    outcome         text,
    -- 'queue' (from queue events) or 'direct' (POST /api/v1/patients/{id}/encounters)
    source          text        not null,
    opened_by       text        not null,
    closed_by       text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint encounters_status check (status in ('in-progress', 'finished', 'cancelled')),
    constraint encounters_class check (encounter_class in ('AMB', 'EMER')),
    constraint encounters_source check (source in ('queue', 'direct')),
    constraint encounters_outcome check (outcome is null or outcome in ('completed', 'admitted', 'referred',
        'transferred', 'left-without-being-seen', 'no-show', 'cancelled')),
    constraint encounters_open_closed check ((status = 'in-progress') = (ended_at is null)
        and (ended_at is null) = (outcome is null)),
    constraint encounters_period check (ended_at is null or ended_at >= started_at)
);
-- a patient's encounters, newest first (history, FHIR search, keyset pagination)
create index encounters_patient_idx on encounters (patient_id, started_at desc, id desc);

-- Inbox of the Kafka consumers: the CloudEvent ids already applied, written in the transaction of the effect,
-- so a redelivered event (at-least-once, or a re-published outbox batch) changes nothing.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
create index processed_events_age_idx on processed_events (processed_at);
