package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.record.Patient;
import dev.medi.patient.observation.VitalSign;
import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.patient.repository.EncounterRepository;
import dev.medi.patient.repository.ObservationRepository;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Vital signs as observations: a nurse or doctor records a set, anyone with clinical access lists them; triage
 * vitals arrive through {@link QueueEventService}. Each set is validated as a whole before anything is stored
 * ({@link VitalsValidation}), flagged against the reference range of the patient's age, audited and announced
 * ({@code observation.recorded}) in one transaction.
 */
@ApplicationScoped
public class ObservationService {

    /** A set of vitals as received; {@code effectiveAt} {@code null}: now. */
    public record RecordVitals(Instant effectiveAt, UUID encounterId, List<Measurement> vitals) {
    }

    /** One measured sign: a number in the code's UCUM unit, or an ACVPU letter for 67775-7. */
    public record Measurement(String code, BigDecimal value, String valueCode, String unit) {
    }

    private final ObservationRepository observations;
    private final EncounterRepository encounters;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ObservationService(ObservationRepository observations, EncounterRepository encounters, PatientRepository patients,
                       PatientAccess access, PatientEventPublisher events) {
        this.observations = observations;
        this.encounters = encounters;
        this.patients = patients;
        this.access = access;
        this.events = events;
    }

    /** Validates and records one set; 400 with every problem, nothing stored, when anything is wrong. */
    public Uni<List<Observation>> record(Caller caller, UUID patientId, RecordVitals command) {
        Instant now = clock.instant();
        Instant effectiveAt = command.effectiveAt() == null ? now : command.effectiveAt();
        EncounterService.requireNotFuture("effectiveAt", effectiveAt, now);
        VitalsValidation.Result checked = VitalsValidation.check(command.vitals().stream()
                .map(m -> new VitalsValidation.Measurement(m.code(), m.value(),
                        m.valueCode() == null ? null : m.valueCode().strip(), m.unit()))
                .toList());
        if (!checked.errors().isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The vital signs are not valid; nothing was recorded.",
                    checked.errors());
        }
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                PatientAudit.OBSERVATION_CREATE, now).flatMap(guarded -> {
                            if (!guarded.isAllowed()) {
                                return Uni.createFrom().item(Guarded.<List<Observation>>refused(guarded.refusal()));
                            }
                            return requireEncounterOf(patient, command.encounterId())
                                    .map(ignored -> build(new Observation.Context(patient.id(), patient.birthDate(),
                                            TimeOrderedIds.next(), command.encounterId(), null, effectiveAt,
                                            caller.username(), Observation.SOURCE_DIRECT, null, now), checked.measurements()))
                                    .call(this::persist)
                                    .map(Guarded::allowed);
                        })))
                .map(Guarded::orThrow)
                .invoke(recorded -> Log.infof("%d observations recorded for patient %s", recorded.size(), patientId));
    }

    /**
     * The patient's observations, newest first; {@code code} (a LOINC code of a vital sign, any accepted
     * alternative) and {@code since} filter. Audited once as {@code observation.search}.
     */
    public Uni<EncounterService.Page<Observation>> list(Caller caller, UUID patientId, String code, Instant since,
                                                        int limit, String after) {
        Instant now = clock.instant();
        List<String> codes = codes(code);
        String scope = "observations:" + patientId + ":" + code + ":" + since;
        Keyset position = SearchCursor.keysetParameter("after", after, scope);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                PatientAudit.OBSERVATION_SEARCH, now))
                        .flatMap(guarded -> {
                            if (!guarded.isAllowed()) {
                                return Uni.createFrom().item(Guarded.<EncounterService.Page<Observation>>refused(guarded.refusal()));
                            }
                            return observations.ofPatient(patientId, codes, since, null, position == null ? null
                                            : new ObservationRepository.Position(position.at(), position.id()), limit + 1)
                                    .map(found -> {
                                        List<Observation> items = found.stream().limit(limit).toList();
                                        Observation last = items.isEmpty() ? null : items.get(items.size() - 1);
                                        String next = found.size() > limit
                                                ? SearchCursor.encode(new Keyset(last.effectiveAt(), last.id()), scope) : null;
                                        return Guarded.allowed(new EncounterService.Page<>(items, next));
                                    });
                        }))
                .map(Guarded::orThrow);
    }

    /** The LOINC codes stored for the vital sign of {@code code}; {@code null} for no filter; 400 when unknown. */
    static List<String> codes(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return VitalSign.ofCode(code.strip()).map(VitalSign::codes).orElseThrow(() -> new ProblemException(
                ProblemType.VALIDATION, "The query has invalid parameters.",
                List.of(new Problem.FieldError("code", "is not the LOINC code of a vital sign recorded here"))));
    }

    /**
     * Inside the caller's transaction: persists one set and announces it. (Used by {@link QueueEventService}
     * for triage vitals, which are audited there.)
     */
    Uni<Void> persist(List<Observation> set) {
        if (set.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return observations.persist(set).chain(() -> events.recorded(set));
    }

    /** Observations of checked measurements, one per sign. */
    static List<Observation> build(Observation.Context context, List<VitalsValidation.Checked> measurements) {
        List<Observation> built = new ArrayList<>();
        for (VitalsValidation.Checked checked : measurements) {
            VitalsValidation.Measurement measurement = checked.measurement();
            built.add(checked.sign().coded()
                    ? Observation.consciousness(TimeOrderedIds.next(), context,
                    VitalSign.Consciousness.of(measurement.valueCode()).orElseThrow())
                    : Observation.quantity(TimeOrderedIds.next(), context, checked.sign(), measurement.code(),
                    measurement.value()));
        }
        return built;
    }

    private Uni<Encounter> requireEncounterOf(Patient patient, UUID encounterId) {
        if (encounterId == null) {
            return Uni.createFrom().nullItem();
        }
        return encounters.findById(encounterId).invoke(encounter -> {
            if (encounter == null || !encounter.patientId().equals(patient.id())) {
                throw new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.",
                        List.of(new Problem.FieldError("encounterId", "is not an encounter of this patient")));
            }
        });
    }
}
