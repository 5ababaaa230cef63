package dev.medi.patient.service;

import dev.medi.patient.AccessPolicy;
import dev.medi.patient.AccessPolicy.Decision;
import dev.medi.patient.AccessPolicy.Operation;
import dev.medi.patient.Patient;
import dev.medi.patient.repository.BreakGlassGrantRepository;
import dev.medi.patient.repository.DepartmentLinkRepository;
import dev.medi.patient.repository.PatientSearchRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Applies {@link AccessPolicy} to one caller and one patient: gathers the facts (department links, break-glass
 * grants), decides, and audits the decision. Every operation on a patient's data goes through {@link #check},
 * which is what the encounter, vitals, note and document endpoints are meant to reuse.
 */
@ApplicationScoped
public class PatientAccess {

    private final DepartmentLinkRepository links;
    private final BreakGlassGrantRepository grants;
    private final PatientAudit audit;

    PatientAccess(DepartmentLinkRepository links, BreakGlassGrantRepository grants, PatientAudit audit) {
        this.links = links;
        this.grants = grants;
        this.audit = audit;
    }

    /** The decision alone, without audit. */
    public Uni<Decision> decide(Caller caller, Patient patient, Operation operation, Instant now) {
        if (!AccessPolicy.needsFacts(caller.roles(), operation)) {
            return Uni.createFrom().item(AccessPolicy.decide(caller.roles(), operation, patient.status(),
                    AccessPolicy.Facts.NONE));
        }
        return links.linkedToAny(patient.id(), caller.departments())
                .flatMap(linked -> linked ? Uni.createFrom().item(new AccessPolicy.Facts(true, false))
                        : grants.hasActive(patient.id(), caller.username(), now)
                        .map(granted -> new AccessPolicy.Facts(false, granted)))
                .map(facts -> AccessPolicy.decide(caller.roles(), operation, patient.status(), facts));
    }

    /**
     * Decides and audits {@code action} on the patient, inside the caller's transaction: {@code success} with
     * the basis, or {@code denied}. A refusal is returned, not thrown, so the transaction commits its audit
     * record; the caller throws it after the commit ({@link Guarded#orThrow()}).
     */
    public Uni<Guarded<Decision>> check(Caller caller, Patient patient, Operation operation, String action, Instant now) {
        return decide(caller, patient, operation, now).flatMap(decision -> {
            if (decision.allowed()) {
                return audit.record(caller, action, patient.id(), PatientAudit.SUCCESS, decision.basis())
                        .replaceWith(Guarded.allowed(decision));
            }
            RuntimeException refusal = decision.outcome() == AccessPolicy.Outcome.GONE
                    ? new RecordGoneException(decision.detail())
                    : new ProblemException(ProblemType.FORBIDDEN, decision.detail());
            return audit.record(caller, action, patient.id(), PatientAudit.DENIED, null)
                    .replaceWith(Guarded.<Decision>refused(refusal));
        });
    }

    /**
     * As {@link #check(Caller, Patient, Operation, String, Instant)}, audited against {@code target} (a document,
     * a note) of the patient instead of the patient record.
     */
    public Uni<Guarded<Decision>> check(Caller caller, Patient patient, Operation operation, String action,
                                        PatientAudit.Target target, Instant now) {
        return decide(caller, patient, operation, now).flatMap(decision -> {
            if (decision.allowed()) {
                return audit.record(caller, action, target, patient.id(), PatientAudit.SUCCESS, decision.basis())
                        .replaceWith(Guarded.allowed(decision));
            }
            return audit.record(caller, action, target, patient.id(), PatientAudit.DENIED, null)
                    .replaceWith(Guarded.<Decision>refused(refusal(decision)));
        });
    }

    static RuntimeException refusal(Decision decision) {
        return decision.outcome() == AccessPolicy.Outcome.GONE
                ? new RecordGoneException(decision.detail())
                : new ProblemException(ProblemType.FORBIDDEN, decision.detail());
    }

    /** Which patients a search by this caller may return, and on what basis. */
    public PatientSearchRepository.Scope searchScope(Caller caller, Instant now) {
        if (caller.hasRole(Roles.ADMIN)) {
            return new PatientSearchRepository.Unrestricted(AccessPolicy.Basis.ADMIN.code());
        }
        if (caller.hasRole(Roles.RECEPTIONIST)) {
            return new PatientSearchRepository.Unrestricted(AccessPolicy.Basis.FRONT_DESK.code());
        }
        return new PatientSearchRepository.Clinical(caller.departments(), caller.username(), now);
    }
}
