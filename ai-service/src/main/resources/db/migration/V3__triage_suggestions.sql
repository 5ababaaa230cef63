-- Triage assistant (issue 14): every suggestion with what it was made from and what each engine answered; once the
-- nurse triaged the entry (queue-service's triaged event), the nurse's final level and how the suggestion compares.
create table triage_suggestions (
    id                      uuid        primary key,
    department_id           uuid        not null,
    queue_entry_id          uuid,
    source                  text        not null check (source in ('request', 'check-in')),
    requested_by            text,
    chief_complaint         text        not null,
    age_years               integer     check (age_years between 0 and 150),
    vitals                  text        check (vitals is null or vitals::jsonb is not null),
    suggested_level         integer     not null check (suggested_level between 1 and 5),
    rationale               text        not null,
    high_risk_presentations text        not null default '[]' check (jsonb_typeof(high_risk_presentations::jsonb) = 'array'),
    expected_resources      integer     not null check (expected_resources >= 0),
    resources               text        not null default '[]' check (jsonb_typeof(resources::jsonb) = 'array'),
    advisor_engine          text        not null,
    advisor_model           text        not null,
    advisor_level           integer     not null check (advisor_level between 1 and 5),
    fallback_reason         text,
    engine_level            integer     not null check (engine_level between 1 and 5),
    engine_rule             text        not null,
    engine_explanation      text        not null,
    danger_zone_vitals      text        not null default '[]' check (jsonb_typeof(danger_zone_vitals::jsonb) = 'array'),
    created_at              timestamptz not null,
    nurse_level             integer     check (nurse_level between 1 and 5),
    nurse_assessed_at       timestamptz,
    triage_assessment_id    uuid,
    outcome                 text        check (outcome in ('agreement', 'under-triage', 'over-triage')),
    check ((nurse_level is null) = (outcome is null) and (nurse_level is null) = (nurse_assessed_at is null)),
    -- the suggestion is never less urgent than either answer: the rule engine is the floor
    check (suggested_level <= engine_level and suggested_level <= advisor_level)
);

-- the latest suggestion of an entry (GET ?queueEntryId=, the triage join)
create index triage_suggestions_entry_idx on triage_suggestions (queue_entry_id, created_at desc)
    where queue_entry_id is not null;
-- one check-in suggestion per entry, whatever the consumer's redeliveries
create unique index triage_suggestions_check_in_uq on triage_suggestions (queue_entry_id)
    where source = 'check-in';
-- a department's joined suggestions by the day of the nurse's triage (agreement figures)
create index triage_suggestions_agreement_idx on triage_suggestions (department_id, nurse_assessed_at)
    where outcome is not null;
