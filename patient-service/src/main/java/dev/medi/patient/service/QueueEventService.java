package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.encounter.EncounterOutcome;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.record.Patient;
import dev.medi.patient.observation.VitalSign;
import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.platform.events.PatientEvents;
import dev.medi.patient.repository.CareRelationshipRepository;
import dev.medi.patient.repository.EncounterRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.inbox.InboundEvent;
import dev.medi.platform.inbox.InboundEvents;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.events.QueueTriageData;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What patient-service does with queue-service's events ({@code medi.queue.events.v1}), each event in one
 * transaction together with its entry in the platform inbox ({@code medi_inbox}, claimed by
 * {@link InboundEvents}), so a redelivered event changes nothing:
 * <ul>
 *   <li>an entry of a registered patient is tracked in {@code patient_queue_entries}: while it is active, the
 *       clinical staff of its department see the patient; once it ended, not any more (ADR 0006). An older event
 *       never overwrites a newer one (entry version) and an ended entry never becomes active again;</li>
 *   <li>a check-in (or a transfer in, or a walk-in's entry linked to the patient registered afterwards:
 *       {@code patient-linked}, from then on like any entry of a registered patient) of a registered patient is
 *       audited as {@code patient.check-in} with the basis
 *       {@code queue-entry} and the entry's id, in the name of the user who made it (the event's actor; an event
 *       without one: {@link #ACTOR});</li>
 *   <li>an entry in consultation opens the entry's encounter (once per entry); an entry that leaves (finished,
 *       transferred, left, no-show, cancelled) closes it with the matching outcome;</li>
 *   <li>a triage event's vital signs become observations (source {@code triage}).</li>
 * </ul>
 * Unregistered arrivals are skipped before any transaction; patients unknown here leave nothing but the inbox row.
 * The consumer's own writes (encounters, observations) are audited with the actor {@link #ACTOR} and the basis {@link PatientAudit#BASIS_EVENT}.
 */
@ApplicationScoped
public class QueueEventService {

    /** Who the audit trail and the records name for changes made from queue events. */
    public static final String ACTOR = "queue-service";

    private static final Caller SYSTEM = new Caller(ACTOR, Set.of(), Set.of());
    private static final Set<String> ENDED = Set.of(QueueStatuses.FINISHED, QueueStatuses.TRANSFERRED,
            QueueStatuses.LEFT_WITHOUT_BEING_SEEN, QueueStatuses.NO_SHOW, QueueStatuses.CANCELLED);

    private final CareRelationshipRepository care;
    private final PatientRepository patients;
    private final EncounterRepository encounters;
    private final ObservationService observations;
    private final PatientAudit audit;
    private final PatientEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    QueueEventService(CareRelationshipRepository care, PatientRepository patients,
                      EncounterRepository encounters, ObservationService observations, PatientAudit audit,
                      PatientEventPublisher events) {
        this.care = care;
        this.patients = patients;
        this.encounters = encounters;
        this.observations = observations;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Whether an event is for this service (read before any transaction): only entries of registered patients are
     * recorded, so a walk-in's event costs no transaction and no inbox row (at 200 check-ins/s of walk-ins that row
     * and its transaction were most of this consumer's cost).
     *
     * @throws InboundEvents.UnreadableEvent for an entry without its id, department or status, or a triage without
     *                                       its time: sent to the dead-letter topic at once
     */
    public boolean concerns(InboundEvent<?> event) {
        QueueEventData data = (QueueEventData) event.data();
        QueueEntrySnapshot entry = data.entry();
        if (entry == null || entry.id() == null || entry.departmentId() == null || entry.status() == null) {
            throw new InboundEvents.UnreadableEvent("queue entry, its id, department or status missing");
        }
        if (data.triage() != null && data.triage().assessedAt() == null) {
            throw new InboundEvents.UnreadableEvent("triage without its time");
        }
        return entry.patientId() != null;
    }

    /**
     * Applies one event {@link #concerns concerning} this service, inside the inbox's transaction (which claimed the
     * event, so a redelivery never gets here). Its time is when the change happened in queue-service (now, if the
     * CloudEvent has none).
     */
    public Uni<Void> apply(InboundEvent<?> event) {
        QueueEventData data = (QueueEventData) event.data();
        Instant now = clock.instant();
        Instant at = event.time() == null ? now : event.time();
        QueueEntrySnapshot entry = data.entry();
        return patients.findById(entry.patientId())
                .flatMap(patient -> {
                    if (patient == null) {
                        Log.debugf("queue event %s: patient unknown here, skipped", event.id());
                        return Uni.createFrom().voidItem();
                    }
                    return care.track(entry, at, now)
                            .chain(() -> checkInAudit(event, entry, data.actor()))
                            .chain(() -> effects(patient, entry, data.triage(), at, now));
                });
    }

    private Uni<Void> effects(Patient patient, QueueEntrySnapshot entry, QueueTriageData triage, Instant at, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (triage != null) {
            chain = chain.chain(() -> recordTriageVitals(patient, entry, triage, now));
        }
        if (QueueStatuses.IN_CONSULTATION.equals(entry.status())) {
            chain = chain.chain(() -> openEncounter(patient, entry, at, now));
        } else if (ENDED.contains(entry.status())) {
            chain = chain.chain(() -> closeEncounter(entry, at, now));
        }
        return chain;
    }

    private Uni<Void> openEncounter(Patient patient, QueueEntrySnapshot entry, Instant at, Instant now) {
        return encounters.byQueueEntry(entry.id()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // one encounter per queue entry
            }
            Encounter encounter = Encounter.open(TimeOrderedIds.next(), patient.id(), entry.departmentId(), entry.id(),
                    Encounter.CLASS_AMBULATORY, entry.calledBy() == null ? null : entry.calledBy().toString(),
                    entry.room(), entry.chiefComplaint(), at, Encounter.SOURCE_QUEUE, ACTOR, now);
            return encounters.persist(encounter)
                    .call(() -> events.record(PatientEvents.ENCOUNTER_OPENED, encounter))
                    .call(() -> auditWrite(PatientAudit.ENCOUNTER_OPEN, patient.id()))
                    .invoke(() -> Log.infof("encounter %s opened from queue entry %s", encounter.id(), entry.id()))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> closeEncounter(QueueEntrySnapshot entry, Instant at, Instant now) {
        EncounterOutcome outcome = EncounterOutcome.ofQueueStatus(entry.status()).orElseThrow();
        return encounters.byQueueEntry(entry.id()).flatMap(encounter -> {
            if (encounter == null || !encounter.isOpen()) {
                return Uni.createFrom().voidItem(); // never in consultation, or closed by a clinician already
            }
            encounter.close(outcome, at, ACTOR, now);
            return events.record(PatientEvents.ENCOUNTER_CLOSED, encounter)
                    .call(() -> auditWrite(PatientAudit.ENCOUNTER_CLOSE, encounter.patientId()))
                    .invoke(() -> Log.infof("encounter %s closed from queue entry %s", encounter.id(), entry.id()));
        });
    }

    private Uni<Void> recordTriageVitals(Patient patient, QueueEntrySnapshot entry, QueueTriageData triage, Instant now) {
        List<VitalsValidation.Checked> measured = triageMeasurements(triage, entry.id());
        if (measured.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return encounters.byQueueEntry(entry.id()).flatMap(encounter -> {
            UUID encounterId = encounter != null && encounter.isOpen() ? encounter.id() : null;
            Observation.Context context = new Observation.Context(patient.id(), patient.birthDate(), TimeOrderedIds.next(),
                    encounterId, entry.id(), triage.assessedAt() == null ? now : triage.assessedAt(),
                    triage.assessedBy() == null ? ACTOR : triage.assessedBy(), Observation.SOURCE_TRIAGE,
                    triage.assessmentId(), now);
            List<Observation> set = ObservationService.build(context, measured);
            return observations.persist(set)
                    .call(() -> auditWrite(PatientAudit.OBSERVATION_CREATE, patient.id()))
                    .invoke(() -> Log.infof("%d triage observations recorded from queue entry %s", set.size(), entry.id()));
        });
    }

    /**
     * The triage's vital signs as measurements; a value a body cannot have (a device or typing error that passed
     * queue-service) is left out and logged by entry id, as is a blood pressure missing one of its two values.
     */
    static List<VitalsValidation.Checked> triageMeasurements(QueueTriageData triage, UUID entryId) {
        List<VitalsValidation.Measurement> raw = new ArrayList<>();
        number(raw, VitalSign.HEART_RATE, triage.heartRate());
        number(raw, VitalSign.RESPIRATORY_RATE, triage.respiratoryRate());
        number(raw, VitalSign.OXYGEN_SATURATION, triage.spo2());
        if (triage.systolicBp() != null && triage.diastolicBp() != null) {
            number(raw, VitalSign.SYSTOLIC_BP, triage.systolicBp());
            number(raw, VitalSign.DIASTOLIC_BP, triage.diastolicBp());
        }
        number(raw, VitalSign.BODY_TEMPERATURE, triage.temperatureCelsius());
        number(raw, VitalSign.PAIN_SCORE, triage.pain());
        Optional.ofNullable(triage.consciousness()).flatMap(VitalSign.Consciousness::of).ifPresent(level ->
                raw.add(new VitalsValidation.Measurement(VitalSign.CONSCIOUSNESS.code(), null, level.letter(), null)));
        List<VitalsValidation.Measurement> usable = new ArrayList<>();
        for (VitalsValidation.Measurement measurement : raw) {
            VitalSign sign = VitalSign.ofCode(measurement.code()).orElseThrow();
            if (VitalsValidation.problems("triage", sign, measurement).isEmpty()) {
                usable.add(measurement);
            } else {
                Log.warnf("triage vital %s of queue entry %s out of range: left out", sign.code(), entryId);
            }
        }
        VitalsValidation.Result result = VitalsValidation.check(usable);
        if (!result.errors().isEmpty()) {
            // only the blood pressure pair can still fail (one value dropped, or systolic not above diastolic)
            Log.warnf("triage blood pressure of queue entry %s unusable: left out", entryId);
            return VitalsValidation.check(usable.stream().filter(m -> !m.code().equals(VitalSign.SYSTOLIC_BP.code())
                    && !m.code().equals(VitalSign.DIASTOLIC_BP.code())).toList()).measurements();
        }
        return result.measurements();
    }

    private static void number(List<VitalsValidation.Measurement> into, VitalSign sign, Number value) {
        if (value != null) {
            BigDecimal number = value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(value.longValue());
            if (number.stripTrailingZeros().scale() > sign.scale()) {
                number = number.setScale(sign.scale(), RoundingMode.HALF_UP); // 38.25 °C is recorded as 38.3
            }
            into.add(new VitalsValidation.Measurement(sign.code(), number, null, sign.unit()));
        }
    }

    /**
     * A registered patient entering a department's queue (checked in, transferred in, or a walk-in's entry linked to
     * them) is an access to the patient (it gives the department's
     * clinical staff access while the entry is active): audited against the patient with the entry as basis, in the
     * name of the user who checked the patient in (or transferred them), with that user's roles. An event without an
     * actor (older than the field) is audited as {@link #ACTOR}; queue-service's history of the entry names the person.
     */
    private Uni<Void> checkInAudit(InboundEvent<?> event, QueueEntrySnapshot entry, QueueEventActor actor) {
        if (!event.is(QueueEvents.CHECKED_IN) && !event.is(QueueEvents.TRANSFERRED_IN)
                && !event.is(QueueEvents.PATIENT_LINKED)) {
            return Uni.createFrom().voidItem();
        }
        return audit.recordAll(caller(actor), PatientAudit.CHECK_IN, List.of(new PatientAudit.Accessed(entry.patientId(),
                AccessPolicy.Basis.QUEUE_ENTRY.code() + ":" + entry.id())), PatientAudit.SUCCESS);
    }

    /**
     * The user named by the event, as the audit trail names every other caller (user name and roles; no
     * departments: this caller is never checked for access, only recorded).
     */
    static Caller caller(QueueEventActor actor) {
        if (actor == null || actor.name() == null || actor.name().isBlank()) {
            return SYSTEM;
        }
        Set<String> roles = actor.roles() == null ? Set.of()
                : actor.roles().stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        return new Caller(actor.name(), roles, Set.of(), actor.id());
    }

    private Uni<Void> auditWrite(String action, UUID patientId) {
        return audit.recordAll(SYSTEM, action, List.of(new PatientAudit.Accessed(patientId, PatientAudit.BASIS_EVENT)),
                PatientAudit.SUCCESS);
    }
}
