package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.record.Patient;
import dev.medi.patient.record.PatientStatus;
import dev.medi.patient.repository.AccessScope;
import dev.medi.patient.repository.PatientCriteria;
import dev.medi.patient.repository.PatientCriteriaRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.patient.repository.PatientSearchRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Patient read and search by structured criteria for the read-only interfaces (the FHIR API), with the core's access rules and audit trail: staff through
 * {@link PatientAccess} (the same {@code AccessPolicy} as {@code /api/v1/patients}), hospital systems by their
 * {@code patient.read} scope (every active patient). Each read, allowed or refused, and each patient a search
 * returns is recorded through {@link PatientAudit} in the transaction that read it ({@code patient.read},
 * {@code patient.search}; basis {@code api-client} for clients).
 *
 * <p>Records entered in error are never served here, not even to admins (who can inspect them through
 * {@code /api/v1/patients}): a read answers 410 Gone, audited as denied.
 */
@ApplicationScoped
public class PatientReadService {

    /** One page of a search: the patients in id order, the total over all pages, and whether more follow. */
    public record SearchPage(List<Patient> patients, long total, UUID lastId, boolean more) {
    }

    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final PatientCriteriaRepository search;
    private final Clock clock = Clock.systemUTC();

    PatientReadService(PatientRepository patients, PatientAccess access, PatientAudit audit,
                       PatientCriteriaRepository search) {
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.search = search;
    }

    /** What a read ended with inside the transaction; thrown, if refused, after the audit record committed. */
    private record ReadOutcome(Patient patient, RuntimeException refusal) {
        Patient orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return patient;
        }
    }

    /**
     * The patient, if the caller may read it.
     *
     * @throws ProblemException 404 unknown, 403 refused by the access policy; {@link RecordGoneException} entered in error
     */
    public Uni<Patient> read(RecordReader caller, UUID id) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(id).flatMap(patient -> {
                    if (patient == null) {
                        return Uni.createFrom().item(new ReadOutcome(null, new ProblemException(ProblemType.NOT_FOUND, "No Patient with this id.")));
                    }
                    return decide(caller, patient, now).flatMap(decision -> {
                        if (patient.status() == PatientStatus.ENTERED_IN_ERROR) {
                            return audit.record(caller.auditCaller(), PatientAudit.READ, patient.id(), PatientAudit.DENIED, null)
                                    .replaceWith(new ReadOutcome(null, new RecordGoneException("This Patient record was entered in error and is no longer served.")));
                        }
                        if (!decision.allowed()) {
                            return audit.record(caller.auditCaller(), PatientAudit.READ, patient.id(), PatientAudit.DENIED, null)
                                    .replaceWith(new ReadOutcome(null, new ProblemException(ProblemType.FORBIDDEN, decision.detail())));
                        }
                        return audit.recordAll(caller.auditCaller(), PatientAudit.READ,
                                        List.of(new PatientAudit.Accessed(patient.id(), decision.basis())), PatientAudit.SUCCESS)
                                .replaceWith(new ReadOutcome(patient, null));
                    });
                }))
                .map(ReadOutcome::orThrow);
    }

    /** Allowed (with the basis code to audit) or refused (with a reason safe to show). */
    private record Decision(boolean allowed, String basis, String detail) {
    }

    private Uni<Decision> decide(RecordReader caller, Patient patient, Instant now) {
        if (caller instanceof RecordReader.Staff staff) {
            return access.decide(staff.caller(), patient, AccessPolicy.Operation.READ, now)
                    .map(decision -> new Decision(decision.allowed(),
                            decision.auditBasis(), decision.detail()));
        }
        // a client holding patient.read (checked at the edge) may read every active patient
        return Uni.createFrom().item(new Decision(true, RecordReader.API_CLIENT_BASIS, null));
    }

    /**
     * One page of patients matching every criterion that the caller may see, after the patient {@code after}
     * ({@code null}: from the first), at most {@code count} ({@code 0}: the total only).
     */
    @WithTransaction
    public Uni<SearchPage> search(RecordReader caller, List<PatientCriteria.Criterion> criteria, int count, UUID after) {
        Instant now = clock.instant();
        AccessScope scope = caller instanceof RecordReader.Staff staff
                ? access.searchScope(staff.caller(), now)
                : new AccessScope.Unrestricted(RecordReader.API_CLIENT_BASIS);
        return search.count(criteria, scope).flatMap(total -> {
            if (count == 0) {
                return Uni.createFrom().item(new SearchPage(List.of(), total, null, false));
            }
            return search.find(criteria, scope, after, count + 1).flatMap(hits -> {
                List<PatientCriteriaRepository.Hit> page = hits.stream().limit(count).toList();
                return patients.byIds(page.stream().map(PatientCriteriaRepository.Hit::id).toList()).flatMap(loaded -> {
                    Map<UUID, Patient> byId = loaded.stream().collect(Collectors.toMap(Patient::id, Function.identity()));
                    List<PatientCriteriaRepository.Hit> found = page.stream().filter(hit -> byId.containsKey(hit.id())).toList();
                    List<Patient> ordered = found.stream().map(hit -> byId.get(hit.id())).toList();
                    List<PatientAudit.Accessed> returned = found.stream()
                            .map(hit -> new PatientAudit.Accessed(hit.id(), hit.basis())).toList();
                    UUID lastId = page.isEmpty() ? null : page.get(page.size() - 1).id();
                    return audit.recordAll(caller.auditCaller(), PatientAudit.SEARCH, returned, PatientAudit.SUCCESS)
                            .replaceWith(new SearchPage(ordered, total, lastId, hits.size() > count));
                });
            });
        });
    }
}
