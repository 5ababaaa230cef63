-- Patients: the aggregate root of patient-service. Nothing is ever deleted: a record registered by mistake
-- becomes 'entered-in-error' (FHIR Patient semantics), keeps its data for admins and leaves the search.

-- Medical record numbers: an 8-digit sequence plus two ISO 7064 MOD 97-10 check digits (see MedicalRecordNumber).
create sequence patient_mrn_seq as bigint start with 10000000 minvalue 10000000 maxvalue 99999999 no cycle;

create table patients (
    id                             uuid        primary key,
    mrn                            text        not null unique,
    status                         text        not null,
    family_name                    text        not null,
    given_names                    text[]      not null default '{}',
    name_prefix                    text,
    name_suffix                    text,
    birth_date                     date        not null,
    sex                            text        not null,
    phone                          text,
    -- digits with a leading + where the country is known: what duplicate checks and search compare
    phone_normalised               text,
    email                          text,
    address_lines                  text[],
    address_city                   text,
    address_postal_code            text,
    address_country                text,
    -- JSON arrays, stored as text: Hibernate Reactive binds JSON columns as objects only, not arrays.
    -- [{"system": "...", "value": "..."}]; unique per system across patients through patient_identifiers
    identifiers                    text        not null default '[]',
    -- [{"substance": "...", "reaction": "...", "severity": "mild|moderate|severe"}]
    allergies                      text        not null default '[]',
    emergency_contact_name         text,
    emergency_contact_relationship text,
    emergency_contact_phone        text,
    -- registered although the duplicate check showed candidates (their ids are kept for a later merge)
    duplicate_override             boolean     not null default false,
    duplicate_candidates           uuid[]      not null default '{}',
    entered_in_error_at            timestamptz,
    entered_in_error_by            text,
    entered_in_error_reason        text,
    created_at                     timestamptz not null,
    created_by                     text        not null,
    updated_at                     timestamptz not null,
    updated_by                     text        not null,
    version                        bigint      not null default 0,
    constraint patients_mrn_format check (mrn ~ '^[0-9]{10}$'),
    constraint patients_status check (status in ('active', 'entered-in-error')),
    constraint patients_sex check (sex in ('male', 'female', 'other', 'unknown')),
    constraint patients_identifiers_json check (jsonb_typeof(identifiers::jsonb) = 'array'),
    constraint patients_allergies_json check (jsonb_typeof(allergies::jsonb) = 'array'),
    constraint patients_entered_in_error check ((status = 'entered-in-error') = (entered_in_error_at is not null))
);

-- Duplicate check and front-desk filters look at active records only.
create index patients_birth_date_idx on patients (birth_date) where status = 'active';
create index patients_phone_idx on patients (phone_normalised) where status = 'active';

-- Lookup and uniqueness of external identifiers (national id, insurance number ...): derived from
-- patients.identifiers by the trigger below, for active records only, so a record entered in error
-- releases its identifiers for the correct one. One value per system per patient; a value belongs to
-- one patient per system.
create table patient_identifiers (
    patient_id uuid not null references patients (id),
    system     text not null,
    value      text not null,
    primary key (patient_id, system),
    constraint patient_identifiers_system_value_key unique (system, value)
);
create index patient_identifiers_value_idx on patient_identifiers (value);

create function patient_identifiers_sync() returns trigger language plpgsql as $$
begin
    delete from patient_identifiers where patient_id in (select id from changed);
    insert into patient_identifiers (patient_id, system, value)
    select c.id, i ->> 'system', i ->> 'value'
      from changed c, jsonb_array_elements(c.identifiers::jsonb) i
     where c.status = 'active';
    return null;
end $$;

create trigger patients_identifiers_insert after insert on patients
    referencing new table as changed for each statement execute function patient_identifiers_sync();
create trigger patients_identifiers_update after update on patients
    referencing new table as changed for each statement execute function patient_identifiers_sync();
