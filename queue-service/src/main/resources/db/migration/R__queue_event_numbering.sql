-- Queue events are numbered when their transaction commits, not when the change is made (ADR 0003).
-- Repeatable (and idempotent): it runs after the platform's R__medi_outbox, which creates the outbox table.
--
-- A deferred constraint trigger runs inside COMMIT, after the last statement of the transaction: it takes the
-- department's sequence row, gives the event the next number and a new outbox position, and the commit ends
-- right after. So the row is locked for the commit only, never across a round trip to the service, which
-- under load (event loops busy with other requests) stretched every lock hold and capped a department's
-- changes per second. Numbers stay gapless (a failed commit rolls the increment back) and in commit order;
-- per department the outbox position follows the number, so the relay publishes them in order.
-- Which events are numbered, and in which scope, is the outbox row's sequence_scope (set from the event type's
-- descriptor, QueueEvents: the department): the trigger neither parses the Kafka key nor knows topic names.
create or replace function queue_number_event() returns trigger
    language plpgsql as
$$
declare
    next_sequence bigint;
begin
    update department_sequences set last_sequence = last_sequence + 1
     where department_id = new.sequence_scope
    returning last_sequence into next_sequence;
    if not found then
        insert into department_sequences (department_id, last_sequence) values (new.sequence_scope, 1)
        on conflict (department_id) do update set last_sequence = department_sequences.last_sequence + 1
        returning last_sequence into next_sequence;
    end if;
    update outbox
       set payload  = jsonb_set(payload::jsonb, '{sequence}', to_jsonb(next_sequence))::text,
           position = default
     where id = new.id;
    return null;
end
$$;

drop trigger if exists queue_event_number on outbox;
create constraint trigger queue_event_number
    after insert on outbox
    deferrable initially deferred
    for each row
    when (new.sequence_scope is not null)
execute function queue_number_event();
