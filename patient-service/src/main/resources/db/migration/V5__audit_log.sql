-- Local, queryable copy of the audit trail of patient data (the same records go to medi.audit.v1 through
-- the outbox, in the same transaction). Append-only: rows can be added, never changed or removed.
create table audit_log (
    id           uuid        primary key,
    at           timestamptz not null,
    actor        text        not null,
    actor_roles  text[]      not null,
    action       text        not null,
    target_type  text        not null,
    target_id    text        not null,
    patient_id   uuid,
    outcome      text        not null,
    -- why access was allowed: admin, front-desk, department, break-glass (null when denied)
    access_basis text,
    request_id   text,
    constraint audit_log_outcome check (outcome in ('success', 'denied', 'failed'))
);
create index audit_log_patient_idx on audit_log (patient_id, id desc);
create index audit_log_actor_idx on audit_log (actor, id desc);
create index audit_log_action_idx on audit_log (action, id desc);
create index audit_log_request_idx on audit_log (request_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;

create trigger audit_log_no_update before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only();
