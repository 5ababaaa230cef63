package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.record.Demographics;
import dev.medi.patient.record.Identifier;
import dev.medi.patient.record.MedicalRecordNumber;
import dev.medi.patient.record.Patient;
import dev.medi.patient.record.PatientChanges;
import dev.medi.patient.record.PhoneNumbers;
import dev.medi.patient.config.PatientConfig;
import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.platform.events.PatientEvents;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registration, reading, correcting and retiring patient records. Every operation checks access through
 * {@link PatientAccess}, writes its audit records and events in the transaction of the change.
 */
@ApplicationScoped
public class PatientService {

    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final PatientEventPublisher events;
    private final PatientConfig config;
    private final Clock clock = Clock.systemUTC();

    PatientService(PatientRepository patients, PatientAccess access, PatientAudit audit, PatientEventPublisher events,
                   PatientConfig config) {
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.config = config;
    }

    /** What a registration ended with: the new record, or the likely duplicates that stopped it. */
    private record Registration(Patient patient, List<PossibleDuplicateException.Candidate> duplicates) {
    }

    /**
     * Registers a person. Unless {@code force}, looks for likely duplicates first (same birth date and a
     * similar name, or the same phone number): if there are any, creates nothing and fails with
     * {@link PossibleDuplicateException} listing them (each one shown is audited). With {@code force} the
     * record is created and remembers the ignored candidates ({@code duplicateOverride}, audited).
     */
    public Uni<Patient> register(Caller caller, Demographics demographics, boolean force) {
        requireDistinctSystems(demographics.identifiers(), "identifiers");
        Instant now = clock.instant();
        String countryCode = config.phone().defaultCountryCode();
        String phone = PhoneNumbers.normalise(demographics.phone(), countryCode);
        AccessPolicy.Basis basis = caller.hasRole(Roles.ADMIN) ? AccessPolicy.Basis.ADMIN : AccessPolicy.Basis.FRONT_DESK;
        // programmatic: likely duplicates are thrown, and an identifier clash at commit mapped, after the commit
        return Panache.withTransaction(() -> patients.lockBirthDate(demographics.birthDate())
                        .chain(() -> patients.duplicateCandidates(demographics.birthDate(), demographics.name().searchText(),
                                phone, config.duplicates().nameSimilarity(), config.duplicates().maxCandidates()))
                        .flatMap(matches -> {
                            if (!matches.isEmpty() && !force) {
                                return showDuplicates(caller, matches, basis);
                            }
                            List<UUID> ignored = matches.stream().map(PatientRepository.DuplicateMatch::id).toList();
                            return requireFreeIdentifiers(demographics.identifiers(), null)
                                    .chain(patients::nextMrnSequence)
                                    .map(sequence -> Patient.register(TimeOrderedIds.next(),
                                            MedicalRecordNumber.fromSequence(sequence), demographics, ignored, countryCode,
                                            caller.username(), now))
                                    .call(patients::persist)
                                    .call(patient -> events.record(PatientEvents.PATIENT_REGISTERED, patient, Set.of()))
                                    .call(patient -> audit.record(caller, PatientAudit.CREATE, patient.id(),
                                            PatientAudit.SUCCESS, basis.code()))
                                    .call(patient -> ignored.isEmpty() ? Uni.createFrom().voidItem()
                                            : audit.record(caller, PatientAudit.DUPLICATE_OVERRIDE, patient.id(),
                                            PatientAudit.SUCCESS, basis.code()))
                                    .map(patient -> new Registration(patient, List.of()));
                        }))
                .onFailure(PatientService::isIdentifierClash).transform(e -> identifierConflict(List.of()))
                .map(registration -> {
                    if (registration.patient() == null) {
                        Log.infof("registration stopped: %d likely duplicates", registration.duplicates().size());
                        throw new PossibleDuplicateException(registration.duplicates());
                    }
                    Patient patient = registration.patient();
                    Log.infof("registered patient %s%s", patient.id(),
                            patient.duplicateOverride() ? " (duplicate warning overridden)" : "");
                    return patient;
                });
    }

    /** Reads a record; audited as {@code patient.read} (also when refused). */
    public Uni<Patient> get(Caller caller, UUID id) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(id).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ, PatientAudit.READ, now)
                                .map(guarded -> guarded.map(decision -> patient))))
                .map(Guarded::orThrow);
    }

    /**
     * Applies {@code changes} if the record is still at {@code expectedVersion} (otherwise 412). Emits
     * {@code updated} with the changed fields when anything changed.
     */
    public Uni<Patient> update(Caller caller, UUID id, long expectedVersion, PatientChanges changes) {
        requireDistinctSystems(changes.identifiers(), "identifiers");
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(id).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.UPDATE, PatientAudit.UPDATE, now)
                                .flatMap(guarded -> {
                                    if (!guarded.isAllowed()) {
                                        return Uni.createFrom().item(guarded.map(decision -> patient));
                                    }
                                    requireVersion(patient, expectedVersion);
                                    Uni<Void> identifiersFree = changes.identifiers() == null ? Uni.createFrom().voidItem()
                                            : requireFreeIdentifiers(changes.identifiers(), patient.id());
                                    return identifiersFree.map(ignored -> patient.update(changes,
                                                    config.phone().defaultCountryCode(), caller.username(), now))
                                            .flatMap(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                                                    : events.record(PatientEvents.PATIENT_UPDATED, patient, changed))
                                            .replaceWith(Guarded.allowed(patient));
                                })))
                .onFailure(PatientService::isIdentifierClash).transform(e -> identifierConflict(List.of()))
                .onFailure(NoteService::lostRace).transform(PatientService::changedMeanwhile)
                .map(Guarded::orThrow)
                .invoke(patient -> Log.infof("updated patient %s to version %d", patient.id(), patient.version()));
    }

    /**
     * Retires a record registered by mistake: kept with the reason, hidden from search, readable by admins
     * only, its identifiers released. {@code expectedVersion} ({@code If-Match}) is optional here.
     */
    public Uni<Patient> markEnteredInError(Caller caller, UUID id, Long expectedVersion, String reason) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(id).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.ENTER_IN_ERROR,
                                        PatientAudit.ENTERED_IN_ERROR, now)
                                .flatMap(guarded -> {
                                    if (!guarded.isAllowed()) {
                                        return Uni.createFrom().item(guarded.map(decision -> patient));
                                    }
                                    if (expectedVersion != null) {
                                        requireVersion(patient, expectedVersion);
                                    }
                                    patient.markEnteredInError(reason, caller.username(), now);
                                    return events.record(PatientEvents.PATIENT_ENTERED_IN_ERROR, patient, Set.of())
                                            .replaceWith(Guarded.allowed(patient));
                                })))
                .onFailure(NoteService::lostRace).transform(PatientService::changedMeanwhile)
                .map(Guarded::orThrow)
                .invoke(patient -> Log.infof("patient %s marked entered-in-error", patient.id()));
    }

    private Uni<Registration> showDuplicates(Caller caller, List<PatientRepository.DuplicateMatch> matches,
                                             AccessPolicy.Basis basis) {
        List<UUID> ids = matches.stream().map(PatientRepository.DuplicateMatch::id).toList();
        return patients.byIds(ids).flatMap(found -> {
            Map<UUID, Patient> byId = found.stream().collect(Collectors.toMap(Patient::id, Function.identity()));
            List<PossibleDuplicateException.Candidate> candidates = matches.stream()
                    .filter(match -> byId.containsKey(match.id()))
                    .map(match -> new PossibleDuplicateException.Candidate(byId.get(match.id()),
                            match.sameBirthDateAndSimilarName(), match.samePhone()))
                    .toList();
            List<PatientAudit.Accessed> shown = candidates.stream()
                    .map(candidate -> new PatientAudit.Accessed(candidate.patient().id(), basis.code())).toList();
            return audit.recordAll(caller, PatientAudit.DUPLICATE_CHECK, shown, PatientAudit.SUCCESS)
                    .replaceWith(new Registration(null, candidates));
        });
    }

    private Uni<Void> requireFreeIdentifiers(List<Identifier> identifiers, UUID except) {
        if (identifiers == null || identifiers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Identifier> normalised = identifiers.stream().map(Identifier::normalised).toList();
        return patients.identifierClashes(normalised, except).invoke(clashes -> {
            if (!clashes.isEmpty()) {
                List<Problem.FieldError> errors = new ArrayList<>();
                for (int i = 0; i < normalised.size(); i++) {
                    Identifier identifier = normalised.get(i);
                    if (clashes.stream().anyMatch(c -> c.system().equals(identifier.system())
                            && c.value().equals(identifier.value()))) {
                        errors.add(new Problem.FieldError("identifiers[" + i + "]", "is recorded for another patient"));
                    }
                }
                throw identifierConflict(errors);
            }
        }).replaceWithVoid();
    }

    private static ProblemException identifierConflict(List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.CONFLICT,
                "An identifier is already recorded for another patient (one value per system).", errors);
    }

    /** A unique-constraint race on identifiers that the check before the write could not see. */
    private static boolean isIdentifierClash(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("patient_identifiers_system_value_key")) {
                return true;
            }
        }
        return false;
    }

    private static void requireDistinctSystems(List<Identifier> identifiers, String field) {
        if (identifiers == null) {
            return;
        }
        Set<String> systems = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            if (!systems.add(identifiers.get(i).system())) {
                errors.add(new Problem.FieldError(field + "[" + i + "].system", "appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "A patient has at most one identifier per system.", errors);
        }
    }

    private static void requireVersion(Patient patient, long expectedVersion) {
        if (patient.version() != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The record was changed meanwhile. Reload it and apply your change again.");
        }
    }

    static Patient found(Patient patient) {
        if (patient == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No patient with this id.");
        }
        return patient;
    }

    /** Two corrections passed the version check at once and the other committed first (Hibernate's version check). */
    private static ProblemException changedMeanwhile(Throwable failure) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The record was changed meanwhile. Reload it and apply your change again.");
    }
}
