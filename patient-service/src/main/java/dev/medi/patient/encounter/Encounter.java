package dev.medi.patient.encounter;

import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's visit with the clinical staff of one department (FHIR Encounter): opened when a queue entry goes
 * into consultation, or directly by a nurse or doctor, and closed once with an outcome. A closed encounter
 * cannot be closed again or reopened.
 */
@Entity
@Table(name = "encounters")
public class Encounter {

    /** Where an encounter came from. */
    public static final String SOURCE_QUEUE = "queue";
    public static final String SOURCE_DIRECT = "direct";

    /** FHIR Encounter.class codes (v3 ActCode) offered. */
    public static final String CLASS_AMBULATORY = "AMB";
    public static final String CLASS_EMERGENCY = "EMER";

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(name = "queue_entry_id", updatable = false)
    private UUID queueEntryId;

    @Column(nullable = false)
    @Convert(converter = EncounterStatus.Column.class)
    private EncounterStatus status;

    @Column(name = "encounter_class", nullable = false, updatable = false)
    private String encounterClass;

    private String attending;

    private String room;

    @Column(updatable = false)
    private String reason;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;


    @Convert(converter = EncounterOutcome.Column.class)
    private EncounterOutcome outcome;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Encounter() {
        // for Hibernate
    }

    /**
     * An encounter in progress.
     *
     * @param queueEntryId   the queue entry it came from, or {@code null} when opened directly
     * @param encounterClass {@link #CLASS_AMBULATORY} or {@link #CLASS_EMERGENCY}
     * @param attending      the clinician's user id (auth-service's id, the token subject), as the queue knows the doctor
     * @param startedAt      when the consultation began
     * @param openedBy       who recorded it (user name, or the consumer for queue events)
     */
    public static Encounter open(UUID id, UUID patientId, UUID departmentId, UUID queueEntryId, String encounterClass,
                                 String attending, String room, String reason, Instant startedAt, String source,
                                 String openedBy, Instant now) {
        if (!CLASS_AMBULATORY.equals(encounterClass) && !CLASS_EMERGENCY.equals(encounterClass)) {
            throw new IllegalArgumentException("unknown encounter class");
        }
        if (!SOURCE_QUEUE.equals(source) && !SOURCE_DIRECT.equals(source)) {
            throw new IllegalArgumentException("unknown encounter source");
        }
        Encounter encounter = new Encounter();
        encounter.id = Objects.requireNonNull(id);
        encounter.patientId = Objects.requireNonNull(patientId);
        encounter.departmentId = Objects.requireNonNull(departmentId);
        encounter.queueEntryId = queueEntryId;
        encounter.status = EncounterStatus.IN_PROGRESS;
        encounter.encounterClass = encounterClass;
        encounter.attending = blankToNull(attending);
        encounter.room = blankToNull(room);
        encounter.reason = blankToNull(reason);
        encounter.startedAt = Objects.requireNonNull(startedAt);
        encounter.source = source;
        encounter.openedBy = Objects.requireNonNull(openedBy);
        encounter.createdAt = now;
        encounter.updatedAt = now;
        return encounter;
    }

    /**
     * Ends the encounter at {@code endedAt} (not before its start: a clock running behind moves the end to the
     * start) with {@code outcome}.
     *
     * @throws EncounterStateException when it is already closed
     */
    public void close(EncounterOutcome outcome, Instant endedAt, String actor, Instant now) {
        if (!isOpen()) {
            throw new EncounterStateException("The encounter is already closed.");
        }
        this.status = Objects.requireNonNull(outcome).closedStatus();
        this.outcome = outcome;
        this.endedAt = endedAt.isBefore(startedAt) ? startedAt : endedAt;
        this.closedBy = Objects.requireNonNull(actor);
        this.updatedAt = now;
    }

    public boolean isOpen() {
        return status() == EncounterStatus.IN_PROGRESS;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public UUID queueEntryId() {
        return queueEntryId;
    }

    public EncounterStatus status() {
        return status;
    }

    public String encounterClass() {
        return encounterClass;
    }

    public String attending() {
        return attending;
    }

    public String room() {
        return room;
    }

    public String reason() {
        return reason;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** {@code null} while open. */
    public Instant endedAt() {
        return endedAt;
    }

    /** {@code null} while open. */
    public EncounterOutcome outcome() {
        return outcome;
    }

    public String source() {
        return source;
    }

    public String openedBy() {
        return openedBy;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
