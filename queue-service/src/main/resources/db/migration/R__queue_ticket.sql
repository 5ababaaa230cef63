-- The day's next ticket of a department, e.g. GEN-014: the one place tickets are drawn and formatted, called by
-- the check-in statement (CheckInRepository) and by transfers (TicketRepository). Numbers restart every day per
-- department; the upsert locks the day's row until commit, which orders concurrent check-ins. The number has at
-- least three digits, as the event schema's ticket pattern requires.
-- The day is passed in (the department's local day, computed with the entry's own clock reading) so the entry's
-- ticket_day and the row its number comes from are the same day, also at midnight.
create or replace function queue_next_ticket(department uuid, on_day date, prefix text) returns text
    language plpgsql as
$$
declare
    number integer;
begin
    insert into department_days (department_id, day, last_ticket) values (department, on_day, 1)
    on conflict (department_id, day) do update set last_ticket = department_days.last_ticket + 1
    returning last_ticket into number;
    return prefix || '-' || lpad(number::text, greatest(3, length(number::text)), '0');
end
$$;
