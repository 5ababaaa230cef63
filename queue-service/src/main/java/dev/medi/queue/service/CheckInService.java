package dev.medi.queue.service;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventTypes;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.IdempotencyKeyRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueTransitionRepository;
import dev.medi.queue.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** Check-in: a new arrival enters a department's queue, exactly once per Idempotency-Key. */
@ApplicationScoped
public class CheckInService {

    /** What the desk asked for. */
    public record Arrival(UUID patientId, String arrivalName, String chiefComplaint) {
    }

    /** The entry, and whether it was created by an earlier request with the same key. */
    public record CheckedIn(QueueEntry entry, boolean replayed) {
    }

    private final DepartmentRepository departments;
    private final QueueEntryRepository entries;
    private final QueueTransitionRepository transitions;
    private final TicketRepository tickets;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final QueueEventPublisher events;
    private final QueuePriority rules;
    private final QueueMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    CheckInService(DepartmentRepository departments, QueueEntryRepository entries, QueueTransitionRepository transitions,
                   TicketRepository tickets, IdempotencyKeyRepository idempotencyKeys, QueueEventPublisher events,
                   QueuePriority rules, QueueMetrics metrics) {
        this.departments = departments;
        this.entries = entries;
        this.transitions = transitions;
        this.tickets = tickets;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
    }

    /**
     * Claims the key and stores the entry, its first transition and its event in one transaction. A repeat with
     * the same key (even concurrent) returns the original entry; the same key with a different request is
     * refused with 422.
     *
     * <p>The ticket number is drawn before, in a transaction of its own, so the day's ticket row is locked for one
     * statement and its commit instead of the whole check-in (ADR 0003). A request that then loses the key to a
     * concurrent duplicate leaves its number unused: a gap in ticket numbers is harmless, a slow desk is not.
     */
    public Uni<CheckedIn> checkIn(Caller caller, UUID departmentId, String idempotencyKey, Arrival arrival) {
        caller.requireDepartment(departmentId);
        Instant now = clock.instant();
        String requestHash = hash(departmentId, arrival);
        // Two transactions one after the other, never nested: a request holds at most one pooled connection at a
        // time. The first reads the department and the key and, for a new key, draws the number as its last
        // statement, so the day's ticket row is locked only until that commit.
        return Panache.withTransaction(() -> departments.findById(departmentId).map(Departments::found)
                        .flatMap(department -> idempotencyKeys.find(caller.username(), idempotencyKey)
                                .flatMap(claim -> claim != null
                                        ? replay(caller, idempotencyKey, requestHash).map(Lookup::replayed)
                                        : tickets.next(departmentId, department.day(now))
                                                .map(number -> new Lookup(department, number, null)))))
                .flatMap(lookup -> lookup.replayed() != null
                        ? Uni.createFrom().item(lookup.replayed())
                        : create(caller, lookup.department(), idempotencyKey, requestHash, arrival, lookup.ticketNumber(), now))
                .invoke(checkedIn -> {
                    if (!checkedIn.replayed()) {
                        Log.infof("checked in entry %s in department %s", checkedIn.entry().id(), departmentId);
                        metrics.checkedIn();
                        events.committed();
                    }
                });
    }

    /** What the first transaction found: the department and a drawn ticket number, or the earlier result. */
    private record Lookup(Department department, int ticketNumber, CheckedIn replayed) {
        static Lookup replayed(CheckedIn earlier) {
            return new Lookup(null, 0, earlier);
        }
    }

    private Uni<CheckedIn> create(Caller caller, Department department, String idempotencyKey, String requestHash,
                                  Arrival arrival, int number, Instant now) {
        UUID entryId = TimeOrderedIds.next();
        String ticket = department.code() + "-" + String.format("%03d", number);
        // The event sequence row is taken last (by record()), so the department is locked only for the final
        // statements and the commit.
        return Panache.withTransaction(() -> idempotencyKeys.claim(caller.username(), idempotencyKey, requestHash, entryId, now)
                .flatMap(claimed -> {
                    if (!claimed) {
                        return replay(caller, idempotencyKey, requestHash);
                    }
                    QueueEntry entry = QueueEntry.checkIn(entryId, department, ticket, arrival.patientId(),
                            arrival.arrivalName(), arrival.chiefComplaint(), caller.username(), rules, now);
                    return entries.persist(entry)
                            .call(persisted -> transitions.persist(persisted.arrival(caller.username(), null, now)))
                            .call(persisted -> events.record(EventTypes.QUEUE_ENTRY_CHECKED_IN, persisted))
                            .map(persisted -> new CheckedIn(persisted, false));
                }));
    }

    private Uni<CheckedIn> replay(Caller caller, String idempotencyKey, String requestHash) {
        return idempotencyKeys.find(caller.username(), idempotencyKey).flatMap(claim -> {
            if (claim == null || !claim.requestHash().equals(requestHash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different check-in. Use a new key for a new request.");
            }
            return entries.findById(claim.entryId()).map(entry -> new CheckedIn(Objects.requireNonNull(entry), true));
        });
    }

    private static String hash(UUID departmentId, Arrival arrival) {
        String canonical = departmentId + "\n" + arrival.patientId() + "\n" + arrival.arrivalName() + "\n"
                + arrival.chiefComplaint();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
