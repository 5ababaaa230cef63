package dev.medi.queue.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.outbox.AuditTrail;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.QueueTransition;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueTransitionRepository;
import dev.medi.queue.repository.RoomRepository;
import dev.medi.queue.repository.TicketRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The queue after check-in: calling, consultation, the ways out of the queue, transfers and admin
 * overrides. Each change runs under the department's lock (see {@link DepartmentSequenceRepository#lockDepartment}),
 * stores its transition and emits its event in one transaction.
 */
@ApplicationScoped
public class QueueFlowService {

    private final DepartmentRepository departments;
    private final DepartmentSequenceRepository sequences;
    private final QueueEntryRepository entries;
    private final QueueTransitionRepository transitions;
    private final RoomRepository rooms;
    private final TicketRepository tickets;
    private final QueueEventPublisher events;
    private final QueuePriority rules;
    private final AuditTrail audit;
    private final QueueMetrics metrics;
    private final KnownPatients knownPatients;
    private final Clock clock = Clock.systemUTC();

    QueueFlowService(DepartmentRepository departments, DepartmentSequenceRepository sequences,
                     QueueEntryRepository entries, QueueTransitionRepository transitions, RoomRepository rooms,
                     TicketRepository tickets, QueueEventPublisher events, QueuePriority rules, AuditTrail audit,
                     QueueMetrics metrics, KnownPatients knownPatients) {
        this.departments = departments;
        this.sequences = sequences;
        this.entries = entries;
        this.transitions = transitions;
        this.rooms = rooms;
        this.tickets = tickets;
        this.events = events;
        this.rules = rules;
        this.audit = audit;
        this.metrics = metrics;
        this.knownPatients = knownPatients;
    }

    /**
     * Gives the calling doctor the first waiting entry of the department (or {@code entryId}) and sends the
     * patient to {@code room}. Under the department lock two doctors calling at once get different patients.
     */
    @WithTransaction
    public Uni<QueueEntry> callNext(Caller doctor, UUID doctorId, UUID departmentId, String room, UUID entryId) {
        doctor.requireDepartment(departmentId);
        long started = System.nanoTime();
        Instant now = clock.instant();
        return sequences.lockDepartment(departmentId)
                .chain(() -> departments.findById(departmentId)).map(Departments::found)
                .call(department -> rooms.findByName(departmentId, room).invoke(found -> {
                    if (found == null || !found.active()) {
                        throw new ProblemException(ProblemType.VALIDATION, "No such room in this department.",
                                List.of(new Problem.FieldError("room", "is not a room of this department")));
                    }
                }))
                .flatMap(department -> entryId == null ? entries.firstWaiting(departmentId)
                        : entries.findById(entryId).map(entry -> Departments.inDepartment(entry, departmentId)))
                .flatMap(entry -> {
                    if (entry == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "Nobody is waiting in this department.");
                    }
                    QueueTransition transition = entry.call(doctorId, room, doctor.username(), now);
                    metrics.called(entry, now);
                    return transitions.persist(transition)
                            .call(() -> events.record(QueueEvents.CALLED, entry, doctor))
                            .replaceWith(entry);
                })
                .invoke(() -> metrics.callNextTook(Duration.ofNanos(System.nanoTime() - started)));
    }

    @WithTransaction
    public Uni<QueueEntry> startConsultation(Caller caller, UUID departmentId, UUID entryId) {
        return change(caller, departmentId, entryId, QueueEvents.CONSULTATION_STARTED,
                (entry, department) -> entry.startConsultation(caller.username(), clock.instant()));
    }

    @WithTransaction
    public Uni<QueueEntry> finish(Caller caller, UUID departmentId, UUID entryId) {
        return change(caller, departmentId, entryId, QueueEvents.FINISHED,
                (entry, department) -> entry.finish(caller.username(), clock.instant()))
                .invoke(metrics::finished);
    }

    @WithTransaction
    public Uni<QueueEntry> leftWithoutBeingSeen(Caller caller, UUID departmentId, UUID entryId, String reason) {
        return change(caller, departmentId, entryId, QueueEvents.LEFT_WITHOUT_BEING_SEEN,
                (entry, department) -> entry.leftWithoutBeingSeen(caller.username(), reason, clock.instant()));
    }

    @WithTransaction
    public Uni<QueueEntry> noShow(Caller caller, UUID departmentId, UUID entryId, String reason) {
        return change(caller, departmentId, entryId, QueueEvents.NO_SHOW,
                (entry, department) -> entry.noShow(caller.username(), reason, clock.instant()));
    }

    @WithTransaction
    public Uni<QueueEntry> cancel(Caller caller, UUID departmentId, UUID entryId, String reason) {
        return change(caller, departmentId, entryId, QueueEvents.CANCELLED,
                (entry, department) -> entry.cancel(caller.username(), reason, clock.instant()));
    }

    /**
     * Moves the patient to another department's queue: the entry here ends as TRANSFERRED and a new entry
     * there continues it with the same arrival time, triage level and override (so the same priority) and a
     * link to this one. Both departments are locked, in a fixed order so two opposite transfers cannot deadlock.
     */
    @WithTransaction
    public Uni<QueueEntry> transfer(Caller caller, UUID departmentId, UUID entryId, UUID targetDepartmentId, String reason) {
        caller.requireDepartment(departmentId);
        if (departmentId.equals(targetDepartmentId)) {
            throw new ProblemException(ProblemType.VALIDATION, "The patient is already in this department.",
                    List.of(new Problem.FieldError("departmentId", "must be another department")));
        }
        Instant now = clock.instant();
        UUID first = departmentId.compareTo(targetDepartmentId) < 0 ? departmentId : targetDepartmentId;
        UUID second = first.equals(departmentId) ? targetDepartmentId : departmentId;
        // Lock order everywhere: a day's ticket row before department sequence rows (check-in takes its ticket,
        // then the sequence at commit), so a transfer into a department and a check-in there cannot deadlock.
        return departments.findById(targetDepartmentId).map(Departments::found)
                .flatMap(target -> tickets.next(target.id(), target.day(now), target.code())
                        .call(() -> sequences.lockDepartment(first).chain(() -> sequences.lockDepartment(second)))
                        .flatMap(ticket -> entries.findById(entryId).map(entry -> Departments.inDepartment(entry, departmentId))
                                .flatMap(entry -> {
                                    QueueTransition out = entry.transferTo(target.id(), caller.username(), reason, now);
                                    QueueEntry continued = entry.continueIn(target, ticket, caller.username(), rules, now);
                                    return transitions.persist(out)
                                            .call(() -> events.record(QueueEvents.TRANSFERRED, entry, caller))
                                            .call(() -> entries.persist(continued))
                                            .call(() -> transitions.persist(continued.arrival(caller.username(),
                                                    "transferred from " + entry.ticket(), now)))
                                            .call(() -> events.record(QueueEvents.TRANSFERRED_IN, continued, caller))
                                            .replaceWith(continued);
                                })));
    }

    /**
     * Names the registered patient of a walk-in's entry (registered after the check-in): only an entry without a
     * patient that has not ended, and only a patient a check-in could name ({@link KnownPatients}, which may ask
     * patient-service in the caller's name before the department is locked). Emits {@code patient-linked}.
     */
    public Uni<QueueEntry> linkPatient(Caller caller, UUID departmentId, UUID entryId, UUID patientId, String bearerToken) {
        caller.requireDepartment(departmentId);
        return knownPatients.require(patientId, bearerToken)
                .chain(() -> Panache.withTransaction(() -> change(caller, departmentId, entryId, QueueEvents.PATIENT_LINKED,
                        (entry, department) -> entry.linkPatient(patientId, caller.username(), clock.instant()))))
                .invoke(entry -> Log.infof("entry %s linked to its registered patient", entry.id()));
    }

    /**
     * An admin places a waiting entry at {@code priority} 1–5 ({@code null} returns it to the computed
     * order). The reason goes into the audit trail.
     */
    @WithTransaction
    public Uni<QueueEntry> overridePriority(Caller admin, UUID departmentId, UUID entryId, Integer priority, String reason) {
        return change(admin, departmentId, entryId, QueueEvents.PRIORITY_OVERRIDDEN,
                (entry, department) -> entry.overridePriority(priority, admin.username(), reason, department.slaTargets(),
                        rules, clock.instant()),
                entry -> audit.record(admin.username(), List.copyOf(admin.roles()), "queue-entry.priority-override",
                        "queue-entry", entry.id().toString(), "success"));
    }

    private Uni<QueueEntry> change(Caller caller, UUID departmentId, UUID entryId, EventType<QueueEventData> eventType,
                                   BiFunction<QueueEntry, Department, QueueTransition> action) {
        return change(caller, departmentId, entryId, eventType, action, entry -> Uni.createFrom().voidItem());
    }

    /**
     * Locks the department, applies {@code action} to the entry, stores the transition, the event and {@code also}.
     * Runs in the transaction of the public method that calls it.
     */
    private Uni<QueueEntry> change(Caller caller, UUID departmentId, UUID entryId, EventType<QueueEventData> eventType,
                                   BiFunction<QueueEntry, Department, QueueTransition> action,
                                   java.util.function.Function<QueueEntry, Uni<Void>> also) {
        caller.requireDepartment(departmentId);
        return sequences.lockDepartment(departmentId)
                .chain(() -> departments.findById(departmentId)).map(Departments::found)
                .flatMap(department -> entries.findById(entryId).map(entry -> Departments.inDepartment(entry, departmentId))
                        .flatMap(entry -> {
                            QueueTransition transition = action.apply(entry, department);
                            return transitions.persist(transition)
                                    .call(() -> events.record(eventType, entry, caller))
                                    .call(() -> also.apply(entry))
                                    .replaceWith(entry);
                        }));
    }
}
