package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.encounter.Encounter;
import dev.medi.patient.observation.Observation;
import dev.medi.patient.record.Patient;
import dev.medi.patient.record.PatientStatus;
import dev.medi.patient.observation.VitalSign;
import dev.medi.patient.repository.EncounterRepository;
import dev.medi.patient.repository.ObservationRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Encounters, vital signs and the whole record for the read-only interfaces (the FHIR API (and the export of {@code /api/v1}), with the
 * core's rules: staff need clinical access to the patient ({@code READ_CLINICAL} of {@link PatientAccess}: their
 * departments, break-glass, admins; never the front desk), hospital systems the scope {@code patient.read}.
 * Records of a patient entered in error are not served (410). Every read, search and export is audited in the
 * transaction that read the data, allowed or refused.
 */
@ApplicationScoped
public class ClinicalReadService {

    /**
     * Which of a patient's encounters or vital signs a search wants.
     *
     * @param statuses stored statuses wanted, {@code null} for all (encounters)
     * @param codes    stored LOINC codes wanted, {@code null} for all (observations); empty: nothing can match
     * @param from     at or after, or {@code null}
     * @param to       before, or {@code null}
     * @param none     a criterion no record here can meet (another category, an unknown code or status)
     */
    public record Filter(UUID patientId, Set<String> statuses, Set<String> codes, Instant from, Instant to, boolean none) {
    }


    /** A page of a search: the rows in order and the position after the last one, if more follow. */
    public record Page<T>(List<T> items, Keyset next) {
    }

    /** The whole record of one patient. */
    public record Record(Patient patient, List<Encounter> encounters, List<Observation> observations) {
    }

    /** What a transaction ended with; a refusal is thrown after the audit record committed. */
    private record Outcome<T>(T value, RuntimeException refusal) {
        T orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }

    private final PatientRepository patients;
    private final EncounterRepository encounters;
    private final ObservationRepository observations;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final Clock clock = Clock.systemUTC();

    ClinicalReadService(PatientRepository patients, EncounterRepository encounters, ObservationRepository observations,
                        PatientAccess access, PatientAudit audit) {
        this.patients = patients;
        this.encounters = encounters;
        this.observations = observations;
        this.access = access;
        this.audit = audit;
    }

    public Uni<Encounter> readEncounter(RecordReader caller, UUID id) {
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> encounters.findById(id).flatMap(encounter -> encounter == null
                        ? Uni.createFrom().item(new Outcome<Encounter>(null, new ProblemException(ProblemType.NOT_FOUND, "No Encounter with this id.")))
                        : guarded(caller, encounter.patientId(), PatientAudit.ENCOUNTER_READ, patient -> Uni.createFrom().item(encounter))))
                .map(Outcome::orThrow);
    }

    /** The Observation {@code id} with the rows it is made of (a blood pressure: both), or 404. */
    public Uni<List<Observation>> readObservation(RecordReader caller, UUID id) {
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> observations.findById(id).flatMap(row -> {
                    if (row == null || row.sign() == VitalSign.DIASTOLIC_BP) {
                        return Uni.createFrom().item(new Outcome<List<Observation>>(null, new ProblemException(ProblemType.NOT_FOUND, row == null
                                ? "No Observation with this id."
                                : "Diastolic pressures are served as a component of their blood pressure panel.")));
                    }
                    return guarded(caller, row.patientId(), PatientAudit.OBSERVATION_READ, patient ->
                            row.sign() == VitalSign.SYSTOLIC_BP ? observations.ofSets(List.of(row.setId()))
                                    .map(set -> set.stream().filter(o -> o.sign() == VitalSign.SYSTOLIC_BP
                                            ? o.id().equals(row.id()) : o.sign() == VitalSign.DIASTOLIC_BP).toList())
                                    : Uni.createFrom().item(List.of(row)));
                }))
                .map(Outcome::orThrow);
    }

    public Uni<Page<Encounter>> searchEncounters(RecordReader caller, Filter query, int count, Keyset after) {
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, query.patientId(), PatientAudit.ENCOUNTER_SEARCH, patient ->
                        query.none() ? Uni.createFrom().item(new Page<Encounter>(List.of(), null))
                                : encounters.ofPatient(query.patientId(), query.statuses(), query.from(), query.to(),
                                        after == null ? null : new EncounterRepository.Position(after.at(), after.id()), count + 1)
                                .map(found -> {
                                    List<Encounter> items = found.stream().limit(count).toList();
                                    Encounter last = items.isEmpty() ? null : items.get(items.size() - 1);
                                    return new Page<>(items, found.size() > count ? new Keyset(last.startedAt(), last.id()) : null);
                                })))
                .map(Outcome::orThrow);
    }

    /** Rows of the page's observations (systolic rows stand for their panels; their diastolic rows are added). */
    public Uni<Page<Observation>> searchObservations(RecordReader caller, Filter query, int count, Keyset after) {
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, query.patientId(), PatientAudit.OBSERVATION_SEARCH, patient ->
                        query.none() ? Uni.createFrom().item(new Page<Observation>(List.of(), null))
                                : observations.ofPatient(query.patientId(), query.codes(), query.from(), query.to(),
                                        after == null ? null : new ObservationRepository.Position(after.at(), after.id()), count + 1)
                                .flatMap(found -> {
                                    List<Observation> items = found.stream().limit(count).toList();
                                    Observation last = items.isEmpty() ? null : items.get(items.size() - 1);
                                    Keyset next = found.size() > count ? new Keyset(last.effectiveAt(), last.id()) : null;
                                    return withDiastolic(items).map(rows -> new Page<>(rows, next));
                                })))
                .map(Outcome::orThrow);
    }

    /** The patient with every encounter and observation, audited as {@code patient.export}. */
    public Uni<Record> everything(RecordReader caller, UUID patientId) {
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, patientId, PatientAudit.EXPORT, patient ->
                        encounters.ofPatient(patientId, null, null, null, null, Integer.MAX_VALUE)
                                .flatMap(all -> observations.ofPatient(patientId, null, null, null, null, Integer.MAX_VALUE)
                                        .map(rows -> new Record(patient, all, rows)))))
                .map(Outcome::orThrow);
    }

    private Uni<List<Observation>> withDiastolic(List<Observation> rows) {
        Set<UUID> sets = rows.stream().filter(o -> o.sign() == VitalSign.SYSTOLIC_BP).map(Observation::setId)
                .collect(Collectors.toSet());
        if (sets.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        return observations.ofSets(sets).map(siblings -> {
            List<Observation> all = new ArrayList<>(rows);
            siblings.stream().filter(o -> o.sign() == VitalSign.DIASTOLIC_BP).forEach(all::add);
            return all;
        });
    }

    /**
     * Loads the patient, decides, audits {@code action} (success or denied) and, if allowed, runs {@code read}.
     * Unknown patient: 404; entered in error: 410; refused: 403.
     */
    private <T> Uni<Outcome<T>> guarded(RecordReader caller, UUID patientId, String action,
                                        java.util.function.Function<Patient, Uni<T>> read) {
        Instant now = clock.instant();
        return patients.findById(patientId).flatMap(patient -> {
            if (patient == null) {
                return Uni.createFrom().item(new Outcome<T>(null, new ProblemException(ProblemType.NOT_FOUND, "No Patient with this id.")));
            }
            return decide(caller, patient, now).flatMap(decision -> {
                if (patient.status() == PatientStatus.ENTERED_IN_ERROR) {
                    return audit.record(caller.auditCaller(), action, patient.id(), PatientAudit.DENIED, null)
                            .replaceWith(new Outcome<T>(null, new RecordGoneException("This patient's record was entered in error and is no longer served.")));
                }
                if (!decision.allowed()) {
                    return audit.record(caller.auditCaller(), action, patient.id(), PatientAudit.DENIED, null)
                            .replaceWith(new Outcome<T>(null, new ProblemException(ProblemType.FORBIDDEN, decision.detail())));
                }
                return audit.recordAll(caller.auditCaller(), action,
                                List.of(new PatientAudit.Accessed(patient.id(), decision.basis())), PatientAudit.SUCCESS)
                        .chain(() -> read.apply(patient))
                        .map(value -> new Outcome<>(value, null));
            });
        });
    }

    private record Decision(boolean allowed, String basis, String detail) {
    }

    private Uni<Decision> decide(RecordReader caller, Patient patient, Instant now) {
        if (caller instanceof RecordReader.Staff staff) {
            return access.decide(staff.caller(), patient, AccessPolicy.Operation.READ_CLINICAL, now)
                    .map(decision -> new Decision(decision.allowed(),
                            decision.auditBasis(), decision.detail()));
        }
        return Uni.createFrom().item(new Decision(true, RecordReader.API_CLIENT_BASIS, null));
    }
}
