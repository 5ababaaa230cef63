-- Who is to sign a draft note can change only explicitly (PUT /api/v1/notes/{id}/signer, issue 11 item 7): every
-- re-assignment is kept here with its reason (free text: it stays here, the audit trail has the action), never
-- changed or removed.
create table note_signer_changes (
    id              uuid        primary key,
    note_id         uuid        not null references clinical_notes (id),
    patient_id      uuid        not null references patients (id),
    previous_signer text,
    new_signer      text        not null,
    reason          text        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null
);
create index note_signer_changes_note_idx on note_signer_changes (note_id, changed_at);

create trigger note_signer_changes_append_only before update or delete or truncate on note_signer_changes
    for each statement execute function clinical_notes_append_only();
