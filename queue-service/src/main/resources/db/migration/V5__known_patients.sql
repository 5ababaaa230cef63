-- Which patients a check-in may name (ADR 0016): a projection of patient-service's record events
-- (medi.patient.events.v1), and of answers of its API for a patient whose event has not arrived yet.
-- status is patient-service's: 'active' may be checked in; 'entered-in-error' may not. version is the record's,
-- so an older event never overwrites a newer one (an API answer is stored with version -1: any event wins).
create table known_patients (
    patient_id uuid        primary key,
    status     text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

-- the day's ended entries of a department, newest first (GET …/entries?state=ended) and the day's statistics
create index queue_entries_department_ended_idx on queue_entries (department_id, ended_at desc, id desc)
    where ended_at is not null;
create index queue_entries_department_arrived_idx on queue_entries (department_id, arrived_at);
