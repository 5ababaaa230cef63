-- Care relationship (ADR 0006). Clinical staff see a patient while the patient is in their department's queue
-- (an active queue entry, below) or has an open encounter there, and for a bounded follow-up period after an
-- encounter there ended (computed from `encounters` at query time, medi.patient.care.follow-up). The permanent
-- links of V4 granted lasting access to anyone who checked a patient in once, even when the check-in was
-- cancelled at once; they no longer grant anything.

-- The queue entries of registered patients as patient-service last saw them (from medi.queue.events.v1). Active
-- while ended_at is null; an entry that ended (finished, transferred, left, no-show, cancelled) grants nothing
-- by itself: the follow-up period belongs to the encounter of a visit that really happened.
create table patient_queue_entries (
    entry_id      uuid        primary key,
    patient_id    uuid        not null references patients (id),
    department_id uuid        not null,
    status        text        not null,
    -- the entry's version in queue-service: an older event (redelivered late, replayed) never overwrites a newer one
    entry_version bigint      not null,
    arrived_at    timestamptz not null,
    ended_at      timestamptz,
    updated_at    timestamptz not null
);
create index patient_queue_entries_active_idx on patient_queue_entries (patient_id, department_id) where ended_at is null;

-- care lookups by patient and department (open, or ended within the follow-up period)
create index encounters_care_idx on encounters (patient_id, department_id, ended_at);

-- The old links are kept, renamed and unused, for the review of who could see whom before this change; they
-- cannot be converted: they carry no queue entry, and anything lasting made from them would keep exactly the
-- access this migration removes. Encounters already count by themselves; an entry still waiting is learnt again
-- from its next event (triage, call, ...).
alter table patient_department_links rename to retired_patient_department_links;
alter index patient_department_links_department_idx rename to retired_patient_department_links_department_idx;
comment on table retired_patient_department_links is
    'Until V10: permanent patient-department links (grant nothing since ADR 0006; kept for review)';

-- Audit: which queue entry, encounter or break-glass grant an access relied on.
alter table audit_log add column access_basis_ref text;
