-- The SLA monitor looks only at waiting entries past their due time (see QueueEntryRepository.agingCandidates).
create index queue_entries_due_idx on queue_entries (department_id, sla_due_at)
    where status in ('ARRIVED', 'TRIAGED');
