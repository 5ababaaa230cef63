package dev.medi.queue;

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
import java.util.Objects;
import java.util.UUID;

/** A patient's place in a department's queue: the aggregate root of queue-service. */
@Entity
@Table(name = "queue_entries")
public class QueueEntry {

    @Id
    private UUID id;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(name = "patient_id", updatable = false)
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QueueStatus status;

    @Column(name = "chief_complaint", nullable = false)
    private String chiefComplaint;

    @Column(name = "arrived_at", nullable = false, updatable = false)
    private Instant arrivedAt;

    @Column(name = "checked_in_by", nullable = false, updatable = false)
    private String checkedInBy;

    @Version
    private long version;

    protected QueueEntry() {
        // for Hibernate
    }

    /** A new arrival: the entry starts {@link QueueStatus#ARRIVED}. */
    public static QueueEntry checkIn(UUID departmentId, UUID patientId, String chiefComplaint, String checkedInBy,
                                     Instant now) {
        QueueEntry entry = new QueueEntry();
        entry.id = TimeOrderedIds.next();
        entry.departmentId = Objects.requireNonNull(departmentId);
        entry.patientId = patientId;
        entry.chiefComplaint = Objects.requireNonNull(chiefComplaint).strip();
        entry.checkedInBy = Objects.requireNonNull(checkedInBy);
        entry.arrivedAt = Objects.requireNonNull(now);
        entry.status = QueueStatus.ARRIVED;
        return entry;
    }

    public QueueEntrySnapshot snapshot() {
        return new QueueEntrySnapshot(id, departmentId, patientId, status.name(), chiefComplaint, arrivedAt, version);
    }

    public UUID id() {
        return id;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UUID patientId() {
        return patientId;
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

    public long version() {
        return version;
    }
}
