package dev.medi.queue;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.events.QueueEntrySnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's place in a department's queue: the aggregate root of queue-service. Every status change goes
 * through a guard here that refuses illegal transitions and returns the {@link QueueTransition} to store.
 */
@Entity
@Table(name = "queue_entries")
public class QueueEntry {

    @Id
    private UUID id;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(nullable = false, updatable = false)
    private String ticket;

    @Column(name = "ticket_day", nullable = false, updatable = false)
    private LocalDate ticketDay;

    @Column(name = "patient_id") // set later only by linkPatient (a walk-in registered afterwards)
    private UUID patientId;

    @Column(name = "arrival_name", updatable = false)
    private String arrivalName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueueStatus status;

    @Column(name = "chief_complaint", nullable = false)
    private String chiefComplaint;

    @Column(name = "arrived_at", nullable = false, updatable = false)
    private Instant arrivedAt;

    @Column(name = "checked_in_by", nullable = false, updatable = false)
    private String checkedInBy;

    @Column(name = "esi_level")
    private Integer esiLevel;

    @Column(nullable = false)
    private int priority;

    @Column(name = "priority_override")
    private Integer priorityOverride;

    @Column(name = "sla_due_at", nullable = false)
    private Instant slaDueAt;

    @Column(name = "sla_breached_at")
    private Instant slaBreachedAt;

    @Column(name = "triaged_at")
    private Instant triagedAt;

    @Column(name = "called_by")
    private UUID calledBy;

    private String room;

    @Column(name = "called_at")
    private Instant calledAt;

    @Column(name = "consultation_started_at")
    private Instant consultationStartedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "transferred_to")
    private UUID transferredTo;

    @Column(name = "transferred_from", updatable = false)
    private UUID transferredFrom;

    @Version
    private long version;

    protected QueueEntry() {
        // for Hibernate
    }

    /** A new arrival: the entry starts {@link QueueStatus#ARRIVED}. */
    public static QueueEntry checkIn(UUID id, Department department, String ticket, UUID patientId, String arrivalName,
                                     String chiefComplaint, String checkedInBy, QueuePriority rules, Instant now) {
        QueueEntry entry = new QueueEntry();
        entry.id = Objects.requireNonNull(id);
        entry.departmentId = department.id();
        entry.ticket = Objects.requireNonNull(ticket);
        entry.ticketDay = department.day(now);
        entry.patientId = patientId;
        entry.arrivalName = arrivalName == null ? null : arrivalName.strip();
        entry.chiefComplaint = Objects.requireNonNull(chiefComplaint).strip();
        entry.checkedInBy = Objects.requireNonNull(checkedInBy);
        entry.arrivedAt = Objects.requireNonNull(now);
        entry.status = QueueStatus.ARRIVED;
        entry.reprioritise(department.slaTargets(), rules, now);
        return entry;
    }

    /** The first transition of a new entry (no previous status); for a transferred entry, at the transfer. */
    public QueueTransition arrival(String actor, String reason, Instant at) {
        return QueueTransition.of(id, null, status, actor, at, reason, null);
    }

    /**
     * The continuation of this entry in {@code target} after a transfer: same patient, complaint, arrival time,
     * triage level and override (the patient keeps their priority), a ticket of the new department, and a
     * link back to this entry's history.
     */
    public QueueEntry continueIn(Department target, String newTicket, String actor, QueuePriority rules, Instant now) {
        QueueEntry next = new QueueEntry();
        next.id = TimeOrderedIds.next();
        next.departmentId = target.id();
        next.ticket = Objects.requireNonNull(newTicket);
        next.ticketDay = target.day(now);
        next.patientId = patientId;
        next.arrivalName = arrivalName;
        next.chiefComplaint = chiefComplaint;
        next.checkedInBy = actor;
        next.arrivedAt = arrivedAt;
        next.esiLevel = esiLevel;
        next.triagedAt = triagedAt;
        next.priorityOverride = priorityOverride;
        next.status = esiLevel == null ? QueueStatus.ARRIVED : QueueStatus.TRIAGED;
        next.transferredFrom = id;
        next.reprioritise(target.slaTargets(), rules, now);
        return next;
    }

    /** Sets the triage level (a re-triage replaces it); the due time and priority follow the new level. */
    public QueueTransition triage(int level, String actor, SlaTargets targets, QueuePriority rules, Instant now) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("ESI level must be 1–5");
        }
        QueueTransition transition = move(QueueStatus.TRIAGED, actor, now, null, null);
        esiLevel = level;
        triagedAt = now;
        reprioritise(targets, rules, now);
        return transition;
    }

    public QueueTransition call(UUID doctorId, String toRoom, String actor, Instant now) {
        QueueTransition transition = move(QueueStatus.CALLED, actor, now, null, toRoom);
        calledBy = Objects.requireNonNull(doctorId);
        room = Objects.requireNonNull(toRoom);
        calledAt = now;
        return transition;
    }

    public QueueTransition startConsultation(String actor, Instant now) {
        QueueTransition transition = move(QueueStatus.IN_CONSULTATION, actor, now, null, room);
        consultationStartedAt = now;
        return transition;
    }

    public QueueTransition finish(String actor, Instant now) {
        QueueTransition transition = move(QueueStatus.FINISHED, actor, now, null, room);
        endedAt = now;
        return transition;
    }

    public QueueTransition transferTo(UUID targetDepartment, String actor, String reason, Instant now) {
        if (targetDepartment.equals(departmentId)) {
            throw new IllegalArgumentException("the entry is already in this department");
        }
        QueueTransition transition = move(QueueStatus.TRANSFERRED, actor, now, reason, null);
        transferredTo = targetDepartment;
        endedAt = now;
        return transition;
    }

    public QueueTransition leftWithoutBeingSeen(String actor, String reason, Instant now) {
        QueueTransition transition = move(QueueStatus.LEFT_WITHOUT_BEING_SEEN, actor, now, reason, null);
        endedAt = now;
        return transition;
    }

    public QueueTransition noShow(String actor, String reason, Instant now) {
        QueueTransition transition = move(QueueStatus.NO_SHOW, actor, now, reason, room);
        endedAt = now;
        return transition;
    }

    public QueueTransition cancel(String actor, String reason, Instant now) {
        QueueTransition transition = move(QueueStatus.CANCELLED, actor, now, Objects.requireNonNull(reason), null);
        endedAt = now;
        return transition;
    }

    /**
     * An admin places the entry at {@code newPriority} (or back to the computed one with {@code null}). Kept in
     * the history as a transition to the same status, with the reason.
     */
    public QueueTransition overridePriority(Integer newPriority, String actor, String reason, SlaTargets targets,
                                            QueuePriority rules, Instant now) {
        if (!status.waiting()) {
            throw new IllegalTransitionException(status, status);
        }
        if (newPriority != null && (newPriority < 1 || newPriority > 5)) {
            throw new IllegalArgumentException("priority must be 1–5");
        }
        priorityOverride = newPriority;
        reprioritise(targets, rules, now);
        return QueueTransition.of(id, status, status, actor, now,
                "priority " + (newPriority == null ? "computed" : newPriority.toString()) + ": " + Objects.requireNonNull(reason), null);
    }

    /**
     * Recomputes the due time and the priority (aging); true if either changed, so the caller emits an event.
     * Only waiting entries age.
     */
    public boolean reprioritise(SlaTargets targets, QueuePriority rules, Instant now) {
        Instant due = rules.slaDueAt(arrivedAt, esiLevel, targets);
        int next = status.waiting() ? rules.priority(esiLevel, priorityOverride, due, now)
                : priorityOverride != null ? priorityOverride : rules.effectiveLevel(esiLevel);
        boolean changed = !due.equals(slaDueAt) || next != priority;
        slaDueAt = due;
        priority = next;
        if (slaBreachedAt != null && !now.isAfter(due)) {
            slaBreachedAt = null; // a re-triage to a lower acuity can lift a breach
        }
        return changed;
    }

    /**
     * Names the registered patient of a walk-in (an arrival checked in by name only) once they are registered.
     * Only an entry without a patient that has not ended; kept in the history as a transition to the same status.
     */
    public QueueTransition linkPatient(UUID registeredPatient, String actor, Instant now) {
        if (!status.active()) {
            throw new IllegalTransitionException(status, status);
        }
        if (patientId != null) {
            throw new ProblemException(ProblemType.CONFLICT, "The entry already belongs to a registered patient.");
        }
        patientId = Objects.requireNonNull(registeredPatient);
        return QueueTransition.of(id, status, status, actor, now, "linked to the registered patient", null);
    }

    /** Marks the breach once, when a waiting entry is first seen past its due time. */
    public boolean markBreachIfDue(Instant now) {
        if (status.waiting() && slaBreachedAt == null && now.isAfter(slaDueAt)) {
            slaBreachedAt = now;
            return true;
        }
        return false;
    }

    private QueueTransition move(QueueStatus target, String actor, Instant now, String reason, String toRoom) {
        if (!status.canBecome(target)) {
            throw new IllegalTransitionException(status, target);
        }
        QueueTransition transition = QueueTransition.of(id, status, target, actor, now, reason, toRoom);
        status = target;
        return transition;
    }

    public QueueEntrySnapshot snapshot() {
        return new QueueEntrySnapshot(id, departmentId, ticket, patientId, arrivalName, status.name(), chiefComplaint,
                arrivedAt, esiLevel, priority, slaDueAt, slaBreachedAt, calledBy, room, transferredTo, transferredFrom,
                version);
    }

    public UUID id() {
        return id;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public LocalDate ticketDay() {
        return ticketDay;
    }

    public String ticket() {
        return ticket;
    }

    public UUID patientId() {
        return patientId;
    }

    public String arrivalName() {
        return arrivalName;
    }

    public QueueStatus status() {
        return status;
    }

    public String chiefComplaint() {
        return chiefComplaint;
    }

    public Instant arrivedAt() {
        return arrivedAt;
    }

    public String checkedInBy() {
        return checkedInBy;
    }

    public Integer esiLevel() {
        return esiLevel;
    }

    public int priority() {
        return priority;
    }

    public Integer priorityOverride() {
        return priorityOverride;
    }

    public Instant slaDueAt() {
        return slaDueAt;
    }

    public Instant slaBreachedAt() {
        return slaBreachedAt;
    }

    public UUID calledBy() {
        return calledBy;
    }

    public String room() {
        return room;
    }

    public Instant calledAt() {
        return calledAt;
    }

    public Instant consultationStartedAt() {
        return consultationStartedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public long version() {
        return version;
    }
}
