-- Which departments a patient is "in" for clinical staff (see AccessPolicy): filled by consumers of queue
-- and encounter events (source 'queue', 'encounter'); nurses and doctors see patients linked to one of
-- their departments. No foreign key: a link may arrive before the patient is known here.
create table patient_department_links (
    patient_id    uuid        not null,
    department_id uuid        not null,
    source        text        not null,
    linked_at     timestamptz not null,
    primary key (patient_id, department_id, source)
);
create index patient_department_links_department_idx on patient_department_links (department_id, patient_id);

-- Break-glass: time-limited access of one clinician to one patient outside their departments.
-- The reason stays here (free text, may hold clinical detail); the audit trail carries the action.
create table break_glass_grants (
    id         uuid        primary key,
    patient_id uuid        not null references patients (id),
    granted_to text        not null,
    reason     text        not null,
    granted_at timestamptz not null,
    expires_at timestamptz not null,
    request_id text,
    constraint break_glass_grants_period check (expires_at > granted_at)
);
create index break_glass_grants_lookup_idx on break_glass_grants (patient_id, granted_to, expires_at);
create index break_glass_grants_grantee_idx on break_glass_grants (granted_to, expires_at);
