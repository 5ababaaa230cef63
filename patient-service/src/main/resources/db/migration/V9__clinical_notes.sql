-- Clinical notes (SOAP) of encounters (issue 5 item 6): draft -> signed, every saved content kept, signed notes
-- immutable, corrections as signed addenda. The encounters table comes from V6__encounters.sql.
create table clinical_notes (
    id                      uuid        primary key,
    patient_id              uuid        not null references patients (id),
    encounter_id            uuid        not null references encounters (id),
    status                  text        not null,
    subjective              text        not null,
    objective               text        not null,
    assessment              text        not null,
    plan                    text        not null,
    -- the doctor expected to sign (user name); null: any doctor of the care team
    responsible_signer      text,
    ai_generated            boolean     not null,
    ai_model                text,
    ai_prompt_version       text,
    ai_source_transcript_id text,
    created_at              timestamptz not null,
    created_by              text        not null,
    updated_at              timestamptz not null,
    updated_by              text        not null,
    signed_at               timestamptz,
    signed_by               text,
    version                 bigint      not null,
    constraint clinical_notes_status check (status in ('draft', 'signed')),
    constraint clinical_notes_signature check ((status = 'signed') = (signed_at is not null and signed_by is not null)),
    constraint clinical_notes_ai_provenance check (not ai_generated or (ai_model is not null and ai_prompt_version is not null))
);
create index clinical_notes_patient_idx on clinical_notes (patient_id, id desc);
create index clinical_notes_encounter_idx on clinical_notes (encounter_id);
create index clinical_notes_awaiting_idx on clinical_notes (responsible_signer, id) where status = 'draft';

-- Every saved content of a note: the first draft and each edit.
create table note_versions (
    id         uuid        primary key,
    note_id    uuid        not null references clinical_notes (id),
    version    bigint      not null,
    subjective text        not null,
    objective  text        not null,
    assessment text        not null,
    plan       text        not null,
    saved_at   timestamptz not null,
    saved_by   text        not null,
    constraint note_versions_unique unique (note_id, version)
);

-- Signed corrections and additions to signed notes.
create table note_addenda (
    id         uuid        primary key,
    note_id    uuid        not null references clinical_notes (id),
    patient_id uuid        not null references patients (id),
    text       text        not null,
    signed_by  text        not null,
    signed_at  timestamptz not null
);
create index note_addenda_note_idx on note_addenda (note_id, signed_at);

-- The rules again, below the application: a signed note never changes, nothing is deleted, versions and addenda
-- are append-only.
create function clinical_notes_signed_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.status = 'signed' then
        raise exception 'a signed clinical note cannot change';
    end if;
    if tg_op = 'DELETE' then
        raise exception 'clinical notes are never deleted';
    end if;
    return new;
end $$;

create trigger clinical_notes_immutable before update or delete on clinical_notes
    for each row execute function clinical_notes_signed_immutable();

create function clinical_notes_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;

create trigger note_versions_append_only before update or delete or truncate on note_versions
    for each statement execute function clinical_notes_append_only();
create trigger note_addenda_append_only before update or delete or truncate on note_addenda
    for each statement execute function clinical_notes_append_only();
