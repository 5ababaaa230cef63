package dev.medi.queue.repository;

import dev.medi.platform.outbox.OutboxEvent;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueueTransition;
import dev.medi.queue.service.IdempotencyKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The check-in's writes as one SQL statement on the reactive pool, its own transaction: claim the
 * Idempotency-Key, draw the day's ticket number, insert the entry, its first transition and its outbox event.
 *
 * <p>Why not the Hibernate session like every other change (ADR 0005): check-in is the one write a busy desk
 * makes hundreds of times a minute. Through the session it took two transactions and nine round trips, and
 * Hibernate Reactive's bookkeeping was a third of queue-service's CPU per check-in; as one statement it is one
 * round trip, and the department's ticket row is locked from the upsert to the commit that ends the same
 * statement, never across a round trip. The entity stays the model: the values come from a {@link QueueEntry}
 * built by {@link QueueEntry#checkIn}, and everything else reads the row through Hibernate.
 */
@ApplicationScoped
public class CheckInRepository {

    /** What the statement did: the ticket drawn, or none; and whether the patient named was known (or none was). */
    public record Stored(String ticket, boolean patientKnown) {
    }

    /**
     * Every sub-statement feeds on the one before, so if the patient named is not a known, active one
     * ({@code known_patients}, ADR 0016) or the key is already taken (a concurrent duplicate waits
     * here for the first one's commit) nothing at all is written and no row comes back. The ticket is drawn by
     * {@code queue_next_ticket} (R__queue_ticket.sql, shared with transfers) and written into the event's payload,
     * which was serialised before the number existed. The event's sequence number is given at commit, in the scope
     * of the row's {@code sequence_scope} (R__queue_event_numbering.sql).
     */
    private static final String INSERT_ARRIVAL = """
            with known as (
                select 1 where $9::uuid is null
                   or exists (select 1 from known_patients where patient_id = $9::uuid and status = 'active')
            ), claim as (
                insert into idempotency_keys (caller, key, request_hash, entry_id, created_at)
                select $1::text, $2::text, $3::text, $4::uuid, $5::timestamptz from known
                on conflict do nothing
                returning entry_id
            ), ticket as (
                select queue_next_ticket($6::uuid, $7::date, $8::text) as ticket from claim
            ), entry as (
                insert into queue_entries (id, department_id, ticket, ticket_day, patient_id, arrival_name, status,
                                           chief_complaint, arrived_at, checked_in_by, priority, sla_due_at, version)
                select $4::uuid, $6::uuid, ticket.ticket, $7::date, $9::uuid, $10::text, $11::text, $12::text,
                       $5::timestamptz, $1::text, $13::int, $14::timestamptz, $15::bigint
                  from ticket
                returning id, ticket
            ), transition as (
                insert into queue_transitions (id, entry_id, from_status, to_status, actor, at)
                select $16::uuid, id, null, $11::text, $1::text, $5::timestamptz from entry
            ), event as (
                insert into outbox (id, topic, partition_key, type, source, subject, sequence_scope, payload, occurred_at)
                select $17::uuid, $18::text, $19::text, $20::text, $21::text, $22::text, $23::uuid,
                       jsonb_set(($24::text)::jsonb, '{entry,ticket}', to_jsonb(entry.ticket))::text, $25::timestamptz
                  from entry
            )
            select (select ticket from entry) as ticket, exists (select 1 from known) as patient_known""";

    private final Pool pool;

    CheckInRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a new arrival unless the caller's key was already used.
     *
     * @param key         the caller's Idempotency-Key with the request's fingerprint
     * @param arrival     the entry as {@link QueueEntry#checkIn} built it; its ticket is a placeholder
     * @param transition  its first transition
     * @param event       its checked-in event, prepared with the same placeholder ticket
     * @param departmentCode the prefix of the ticket
     * @return the ticket it was given, or none if the patient is not known or the key was already claimed (then
     * nothing was written)
     */
    public Uni<Stored> insertArrival(IdempotencyKey key, QueueEntry arrival, String departmentCode,
                                     QueueTransition transition, OutboxEvent event) {
        Tuple parameters = Tuple.tuple()
                .addString(key.caller()).addString(key.value()).addString(key.requestHash())
                .addUUID(arrival.id()).addOffsetDateTime(utc(arrival.arrivedAt()))
                .addUUID(arrival.departmentId()).addLocalDate(arrival.ticketDay())
                .addString(departmentCode).addUUID(arrival.patientId()).addString(arrival.arrivalName())
                .addString(arrival.status().name()).addString(arrival.chiefComplaint())
                .addInteger(arrival.priority()).addOffsetDateTime(utc(arrival.slaDueAt())).addLong(arrival.version())
                .addUUID(transition.id())
                .addUUID(event.id).addString(event.topic).addString(event.partitionKey).addString(event.type)
                .addString(event.source).addString(event.subject).addUUID(event.sequenceScope).addString(event.payload)
                .addOffsetDateTime(utc(event.occurredAt));
        return pool.preparedQuery(INSERT_ARRIVAL).execute(parameters).map(rows -> {
            Row row = rows.iterator().next();
            return new Stored(row.getString("ticket"), row.getBoolean("patient_known"));
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
