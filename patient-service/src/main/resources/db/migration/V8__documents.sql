-- Documents in a patient's record (issue 5 item 5). Metadata here; the bytes live in the document storage
-- (local directory or a Cloud Storage bucket) under their SHA-256, so one file uploaded twice is one blob and
-- two rows. Never deleted: a document filed by mistake is marked entered-in-error with a reason.
create table documents (
    id                      uuid        primary key,
    patient_id              uuid        not null references patients (id),
    title                   text        not null,
    category                text        not null,
    file_name               text,
    content_type            text        not null,
    size_bytes              bigint      not null,
    content_hash            text        not null,
    storage                 text        not null,
    status                  text        not null,
    entered_in_error_at     timestamptz,
    entered_in_error_by     text,
    entered_in_error_reason text,
    created_at              timestamptz not null,
    created_by              text        not null,
    version                 bigint      not null,
    constraint documents_status check (status in ('current', 'entered-in-error')),
    constraint documents_content_type check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    constraint documents_size check (size_bytes > 0),
    constraint documents_hash check (content_hash ~ '^[0-9a-f]{64}$'),
    constraint documents_entered_in_error check ((status = 'entered-in-error') = (entered_in_error_at is not null))
);
create index documents_patient_idx on documents (patient_id, id desc);
create index documents_hash_idx on documents (content_hash);

-- Nothing is ever deleted.
create function documents_no_delete() returns trigger language plpgsql as $$
begin
    raise exception 'documents are never deleted; mark them entered-in-error';
end $$;

create trigger documents_no_delete before delete or truncate on documents
    for each statement execute function documents_no_delete();
