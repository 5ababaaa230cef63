package dev.medi.queue.service;

import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.QueueEvents;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.CheckInRepository;
import dev.medi.queue.repository.IdempotencyKeyRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Check-in: a new arrival enters a department's queue, exactly once per Idempotency-Key ({@link IdempotencyKey}).
 *
 * <p>No {@code @WithTransaction} on the check-in on purpose (ADR 0005, ADR 0012): its writes are one SQL statement
 * on the reactive pool, its own transaction; only the rare replay opens a session.
 */
@ApplicationScoped
public class CheckInService {

    /** What the desk asked for. */
    public record Arrival(UUID patientId, String arrivalName, String chiefComplaint) {
    }

    /** The entry, and whether it was created by an earlier request with the same key. */
    public record CheckedIn(QueueEntry entry, boolean replayed) {
    }

    /** Stands in for the ticket until the database draws it (the statement writes the real one into the event). */
    private static final String TICKET_DRAWN_BY_DATABASE = "";

    private final DepartmentDirectory departments;
    private final QueueEntryRepository entries;
    private final CheckInRepository checkIns;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final QueueEventPublisher events;
    private final QueuePriority rules;
    private final QueueMetrics metrics;
    private final KnownPatients knownPatients;
    private final Clock clock = Clock.systemUTC();

    CheckInService(DepartmentDirectory departments, QueueEntryRepository entries, CheckInRepository checkIns,
                   IdempotencyKeyRepository idempotencyKeys, QueueEventPublisher events, QueuePriority rules,
                   QueueMetrics metrics, KnownPatients knownPatients) {
        this.departments = departments;
        this.entries = entries;
        this.checkIns = checkIns;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
        this.knownPatients = knownPatients;
    }

    /**
     * Claims the key and stores the entry, its ticket number, its first transition and its event in one statement
     * (ADR 0005). A repeat with the same key (even concurrent: it waits for the first one's commit) returns the
     * original entry; the same key with a different request is refused with 422. A patient id must name a registered
     * patient ({@link KnownPatients}): else 422 {@code unknown-patient}, or 503 when that cannot be confirmed.
     *
     * @param idempotencyKey the header as checked by {@link IdempotencyKey#require}
     * @param bearerToken    the caller's access token, to ask patient-service in its name on a projection miss
     */
    public Uni<CheckedIn> checkIn(Caller caller, UUID departmentId, String idempotencyKey, Arrival arrival,
                                  String bearerToken) {
        caller.requireDepartment(departmentId);
        // PostgreSQL keeps microseconds: the event and the answer must carry the times exactly as stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IdempotencyKey key = IdempotencyKey.ofCheckIn(caller, idempotencyKey, departmentId, arrival);
        UUID entryId = TimeOrderedIds.next();
        return departments.active(departmentId).flatMap(department -> {
                    QueueEntry pending = newEntry(caller, department, entryId, TICKET_DRAWN_BY_DATABASE, arrival, now);
                    Uni<CheckInRepository.Stored> insert = Uni.createFrom().deferred(() -> checkIns.insertArrival(key,
                            pending, department.code(), pending.arrival(caller.username(), null, now),
                            events.prepare(QueueEvents.CHECKED_IN, pending, caller)));
                    // A patient the projection does not know yet (its registration event may still be on its way):
                    // patient-service is asked once, then the same statement runs again (ADR 0016).
                    return insert.flatMap(stored -> stored.patientKnown() ? Uni.createFrom().item(stored)
                                    : knownPatients.confirm(arrival.patientId(), bearerToken).replaceWith(insert)
                                            .invoke(again -> {
                                                if (!again.patientKnown()) {
                                                    throw KnownPatients.unknown();
                                                }
                                            }))
                            .flatMap(stored -> stored.ticket() == null
                                    ? replay(key)
                                    : Uni.createFrom().item(new CheckedIn(
                                            newEntry(caller, department, entryId, stored.ticket(), arrival, now), false)));
                })
                .invoke(checkedIn -> {
                    if (!checkedIn.replayed()) {
                        Log.infof("checked in entry %s in department %s", checkedIn.entry().id(), departmentId);
                        metrics.checkedIn();
                    }
                });
    }

    /** The entry as stored: built the same way before the number is drawn and after, so both carry equal values. */
    private QueueEntry newEntry(Caller caller, Department department, UUID entryId, String ticket, Arrival arrival,
                                Instant now) {
        return QueueEntry.checkIn(entryId, department, ticket, arrival.patientId(), arrival.arrivalName(),
                arrival.chiefComplaint(), caller.username(), rules, now);
    }

    /** The rare repeat of a claimed key: the only part of a check-in that reads through a session. */
    @WithSession
    Uni<CheckedIn> replay(IdempotencyKey key) {
        return idempotencyKeys.find(key.caller(), key.value())
                .flatMap(claim -> entries.findById(key.replayOf(claim)))
                .map(entry -> new CheckedIn(Objects.requireNonNull(entry), true));
    }
}
