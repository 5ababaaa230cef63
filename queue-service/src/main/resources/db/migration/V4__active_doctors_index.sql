-- Doctors active in a department (who called a patient recently), for the snapshot's wait estimate: without
-- it every snapshot scanned all of the department's entries of all days (27 ms at 35,000 entries, 100 reads/s
-- kept PostgreSQL saturated in the snapshot benchmark).
create index queue_entries_called_idx on queue_entries (department_id, called_at) where called_at is not null;
