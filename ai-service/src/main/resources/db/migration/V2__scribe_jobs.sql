-- Scribe jobs (issue 14 items 2 and 6): a consultation transcript in, a checked SOAP draft out, every state kept.
-- The runner claims queued jobs (and running ones whose lease expired: their worker died) with
-- FOR UPDATE SKIP LOCKED, so several replicas share the work and a restart loses nothing.
create table scribe_jobs (
    id                 uuid        primary key,               -- UUID v7
    encounter_id       uuid        not null,
    patient_id         uuid        not null,
    department_id      uuid        not null,
    requested_by       text        not null,                  -- user name (token upn)
    requested_by_id    text        not null,                  -- user id (token sub)
    state              text        not null,
    engine             text,
    model              text,
    prompt_version     text,
    fallback_reason    text,
    input_tokens       integer     not null default 0,
    output_tokens      integer     not null default 0,
    created_at         timestamptz not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    -- why it failed, in words without patient data (e.g. "engine timed out")
    failure_reason     text,
    attempts           integer     not null default 0,
    -- a running job whose lease passed is taken over by another worker (ADR 0019)
    lease_until        timestamptz,
    -- [{id, speaker, text, startSeconds}]
    transcript         jsonb       not null,
    -- the patient's identifiers for the redaction, taken at submission with the requester's token; cleared when
    -- the job ends (ADR 0019)
    identifiers        jsonb,
    -- [{section, text, citedSegmentIds, supported, similarity, problems}]
    draft              jsonb,
    note_id            uuid,
    version            bigint      not null default 0,
    constraint scribe_jobs_state check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    constraint scribe_jobs_transcript_array check (jsonb_typeof(transcript) = 'array'),
    constraint scribe_jobs_draft_array check (draft is null or jsonb_typeof(draft) = 'array'),
    constraint scribe_jobs_identifiers_object check (identifiers is null or jsonb_typeof(identifiers) = 'object'),
    constraint scribe_jobs_ended check ((state in ('succeeded', 'failed', 'cancelled')) = (finished_at is not null)),
    constraint scribe_jobs_ended_forgets check (finished_at is null or identifiers is null)
);
create index scribe_jobs_encounter_idx on scribe_jobs (encounter_id, id desc);
create index scribe_jobs_patient_idx on scribe_jobs (patient_id, id desc);
create index scribe_jobs_pending_idx on scribe_jobs (id) where state in ('queued', 'running');

-- Tokens spent per department and day (the department's calendar day in medi.ai.budget.time-zone): when
-- medi.ai.budget.daily-tokens-per-department is reached, new scribe jobs are refused with 429 until midnight.
create table ai_token_budget (
    department_id uuid   not null,
    day           date   not null,
    tokens_used   bigint not null default 0,
    primary key (department_id, day),
    constraint ai_token_budget_non_negative check (tokens_used >= 0)
);
