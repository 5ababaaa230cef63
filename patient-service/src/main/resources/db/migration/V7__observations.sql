-- Vital signs as observations (FHIR Observation, category vital-signs): one row per measured sign, LOINC code,
-- value in the UCUM unit of the code (or an ACVPU letter for the level of responsiveness), flagged against the
-- reference range of the patient's age (VitalSignReferenceRanges). Rows recorded together share a set_id (a
-- blood pressure is its systolic and diastolic rows of one set). Never changed or deleted.
create table observations (
    id                   uuid          primary key,
    patient_id           uuid          not null references patients (id),
    set_id               uuid          not null,
    encounter_id         uuid          references encounters (id),
    queue_entry_id       uuid,
    -- LOINC
    code                 text          not null,
    value_quantity       numeric(9, 3),
    value_code           text,
    -- UCUM, null for a coded value
    unit                 text,
    -- v3 ObservationInterpretation: LL L N H HH AA; null where no reference range applies
    interpretation       text,
    effective_at         timestamptz   not null,
    recorded_at          timestamptz   not null,
    recorded_by          text          not null,
    -- 'triage' (from queue-service's triage event) or 'direct' (POST /api/v1/patients/{id}/observations)
    source               text          not null,
    triage_assessment_id uuid,
    constraint observations_value check ((value_quantity is null) <> (value_code is null)),
    constraint observations_unit check ((value_quantity is null) = (unit is null)),
    constraint observations_source check (source in ('triage', 'direct')),
    constraint observations_interpretation check (interpretation is null
        or interpretation in ('LL', 'L', 'N', 'H', 'HH', 'AA'))
);
-- a patient's vitals, newest first, all or by code (history, API and FHIR search)
create index observations_patient_idx on observations (patient_id, effective_at desc, id desc);
create index observations_patient_code_idx on observations (patient_id, code, effective_at desc, id desc);
create index observations_set_idx on observations (set_id);
create index observations_encounter_idx on observations (encounter_id) where encounter_id is not null;
