-- Precomputed patient summaries (issue 14 item 4). A cache, not a record: every read is still access-checked and
-- audited by patient-service first. "changes" counts record events since the patient's first summary: a summary
-- computed while an event arrived stays stale, so the next read recomputes it.
create table patient_summaries (
    patient_id  uuid        primary key,
    summary     jsonb,
    computed_at timestamptz,
    changes     bigint      not null default 0,
    stale       boolean     not null default true
);
