package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.encounter.EncounterOutcome;
import dev.medi.patient.record.Patient;
import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.platform.events.PatientEvents;
import dev.medi.patient.repository.EncounterRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Encounters opened and closed by clinicians, read and listed; every operation is access-checked on the
 * encounter's patient ({@code READ_CLINICAL} / {@code WRITE_CLINICAL} of {@link PatientAccess}) and audited, and
 * every change is announced on {@code medi.patient.events.v1}, all in the transaction of the change. The
 * encounters opened from queue events are {@link QueueEventService}'s.
 */
@ApplicationScoped
public class EncounterService {

    /** How far in the future a time given by a client may be (clocks differ). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** What a clinician opens. {@code startedAt} {@code null}: now. */
    public record OpenEncounter(UUID departmentId, String encounterClass, String room, String reason, Instant startedAt) {
    }

    /** One page, newest first; {@code next} is the cursor of the following page ({@code null} at the end). */
    public record Page<T>(List<T> items, String next) {
    }

    private final EncounterRepository encounters;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    EncounterService(EncounterRepository encounters, PatientRepository patients,
                     PatientAccess access, PatientEventPublisher events) {
        this.encounters = encounters;
        this.patients = patients;
        this.access = access;
        this.events = events;
    }

    /**
     * Opens an encounter of the patient in one of the caller's departments; while it is open, and for the follow-up
     * period after it closed, that department's clinical staff see the patient (ADR 0006).
     */
    public Uni<Encounter> open(Caller caller, String attendingUserId, UUID patientId, OpenEncounter command) {
        Instant now = clock.instant();
        caller.requireDepartment(command.departmentId());
        Instant startedAt = command.startedAt() == null ? now : command.startedAt();
        requireNotFuture("startedAt", startedAt, now);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                PatientAudit.ENCOUNTER_OPEN, now).flatMap(guarded -> {
                            if (!guarded.isAllowed()) {
                                return Uni.createFrom().item(Guarded.<Encounter>refused(guarded.refusal()));
                            }
                            Encounter encounter = Encounter.open(TimeOrderedIds.next(), patient.id(),
                                    command.departmentId(), null,
                                    command.encounterClass() == null ? Encounter.CLASS_AMBULATORY : command.encounterClass(),
                                    attendingUserId, command.room(), command.reason(), startedAt,
                                    Encounter.SOURCE_DIRECT, caller.username(), now);
                            return encounters.persist(encounter)
                                    .call(() -> events.record(PatientEvents.ENCOUNTER_OPENED, encounter))
                                    .map(Guarded::allowed);
                        })))
                .map(Guarded::orThrow)
                .invoke(encounter -> Log.infof("encounter %s opened for patient %s", encounter.id(), encounter.patientId()));
    }

    /** The encounter, if the caller may read its patient's clinical data; audited as {@code encounter.read}. */
    public Uni<Encounter> get(Caller caller, UUID encounterId) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> encounters.findById(encounterId).map(EncounterService::found)
                        .flatMap(encounter -> patientOf(encounter)
                                .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                        PatientAudit.ENCOUNTER_READ, now))
                                .map(guarded -> guarded.map(decision -> encounter))))
                .map(Guarded::orThrow);
    }

    /**
     * The encounter opened from a queue entry, if the caller may read its patient's clinical data; audited as
     * {@code encounter.read} (a refusal as denied). No encounter and a refused one both answer 404: whether an entry
     * of another department has one is not the caller's to learn.
     */
    public Uni<Encounter> byQueueEntry(Caller caller, UUID queueEntryId) {
        Instant now = clock.instant();
        ProblemException none = new ProblemException(ProblemType.NOT_FOUND, "No encounter of this queue entry.");
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> encounters.byQueueEntry(queueEntryId).flatMap(encounter -> {
                    if (encounter == null) {
                        return Uni.createFrom().item(Guarded.<Encounter>refused(none));
                    }
                    return patientOf(encounter)
                            .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                    PatientAudit.ENCOUNTER_READ, now))
                            .map(guarded -> guarded.isAllowed() ? Guarded.allowed(encounter) : Guarded.<Encounter>refused(none));
                }))
                .map(Guarded::orThrow);
    }

    /**
     * Closes the encounter with {@code outcome} at {@code endedAt} ({@code null}: now).
     *
     * @throws dev.medi.patient.encounter.EncounterStateException (409) when it is already closed
     */
    public Uni<Encounter> close(Caller caller, UUID encounterId, EncounterOutcome outcome, Instant endedAt) {
        Instant now = clock.instant();
        Instant end = endedAt == null ? now : endedAt;
        requireNotFuture("endedAt", end, now);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> encounters.findById(encounterId).map(EncounterService::found)
                        .flatMap(encounter -> patientOf(encounter)
                                .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                        PatientAudit.ENCOUNTER_CLOSE, now))
                                .flatMap(guarded -> {
                                    if (!guarded.isAllowed()) {
                                        return Uni.createFrom().item(Guarded.<Encounter>refused(guarded.refusal()));
                                    }
                                    encounter.close(outcome, end, caller.username(), now);
                                    return events.record(PatientEvents.ENCOUNTER_CLOSED, encounter)
                                            .replaceWith(Guarded.allowed(encounter));
                                })))
                .map(Guarded::orThrow)
                .invoke(encounter -> Log.infof("encounter %s closed", encounter.id()));
    }

    /** The patient's encounters, newest first; audited once as {@code encounter.search}. */
    public Uni<Page<Encounter>> list(Caller caller, UUID patientId, int limit, String after) {
        Instant now = clock.instant();
        String scope = "encounters:" + patientId;
        Keyset position = SearchCursor.keysetParameter("after", after, scope);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                PatientAudit.ENCOUNTER_SEARCH, now))
                        .flatMap(guarded -> {
                            if (!guarded.isAllowed()) {
                                return Uni.createFrom().item(Guarded.<Page<Encounter>>refused(guarded.refusal()));
                            }
                            return encounters.ofPatient(patientId, null, null, null, position == null ? null
                                            : new EncounterRepository.Position(position.at(), position.id()), limit + 1)
                                    .map(found -> Guarded.allowed(page(found, limit, scope)));
                        }))
                .map(Guarded::orThrow);
    }

    private static Page<Encounter> page(List<Encounter> found, int limit, String scope) {
        List<Encounter> items = found.stream().limit(limit).toList();
        String next = found.size() > limit
                ? SearchCursor.encode(new Keyset(items.get(items.size() - 1).startedAt(), items.get(items.size() - 1).id()), scope) : null;
        return new Page<>(items, next);
    }

    private Uni<Patient> patientOf(Encounter encounter) {
        return patients.findById(encounter.patientId()).map(PatientService::found);
    }

    static Encounter found(Encounter encounter) {
        if (encounter == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No encounter with this id.");
        }
        return encounter;
    }

    static void requireNotFuture(String field, Instant at, Instant now) {
        if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.",
                    List.of(new Problem.FieldError(field, "must not be in the future")));
        }
    }
}
