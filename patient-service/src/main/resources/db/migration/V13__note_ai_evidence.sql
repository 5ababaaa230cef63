-- AI provenance of clinical notes, extended (issue 14 item 2): besides the model, prompt version and source
-- (V9__clinical_notes.sql), an AI draft records the engine that made it, why the configured engine was not used
-- (fallback), the scribe job, and the evidence map: every sentence with its section, the transcript segments it
-- cites (speaker, time, text), whether the faithfulness check supported it and why not. Additive: clinician notes
-- leave all four null. The evidence is JSON text (Hibernate Reactive binds JSON columns as objects only), checked to
-- be an array like the patient's value lists.
alter table clinical_notes
    add column ai_engine          text,
    add column ai_fallback_reason text,
    add column ai_job_id          uuid,
    add column ai_evidence        text,
    add constraint clinical_notes_ai_evidence_json check (ai_evidence is null or jsonb_typeof(ai_evidence::jsonb) = 'array'),
    add constraint clinical_notes_ai_only check (ai_generated or (ai_engine is null and ai_fallback_reason is null
                                                                  and ai_job_id is null and ai_evidence is null));

-- One draft note per scribe job, whatever is redelivered.
create unique index clinical_notes_ai_job_idx on clinical_notes (ai_job_id) where ai_job_id is not null;
