package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.access.AccessPolicy.Decision;
import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.record.Patient;
import dev.medi.patient.repository.AccessScope;
import dev.medi.patient.repository.BreakGlassGrantRepository;
import dev.medi.patient.config.CareConfig;
import dev.medi.patient.repository.CareRelationshipRepository;
import dev.medi.patient.repository.PatientSearchRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Applies {@link AccessPolicy} to one caller and one patient: gathers the facts (the care relationship with the
 * caller's departments, ADR 0006; break-glass grants), decides, and audits the decision with the queue entry,
 * encounter or grant it relied on. Every operation on a patient's data goes through {@link #check},
 * which is what the encounter, vitals, note and document endpoints are meant to reuse.
 */
@ApplicationScoped
public class PatientAccess {

    private final CareRelationshipRepository care;
    private final BreakGlassGrantRepository grants;
    private final PatientAudit audit;
    private final CareConfig config;

    PatientAccess(CareRelationshipRepository care, BreakGlassGrantRepository grants, PatientAudit audit, CareConfig config) {
        this.care = care;
        this.grants = grants;
        this.audit = audit;
        this.config = config;
    }

    /** Encounters that ended after this instant still give their department access (the follow-up period). */
    public Instant followUpSince(Instant now) {
        return now.minus(config.followUp());
    }

    /** The decision alone, without audit. */
    public Uni<Decision> decide(Caller caller, Patient patient, Operation operation, Instant now) {
        if (!AccessPolicy.needsFacts(caller.roles(), operation)) {
            return Uni.createFrom().item(AccessPolicy.decide(caller.roles(), operation, patient.status(),
                    AccessPolicy.Facts.NONE));
        }
        return care.find(patient.id(), caller.departments(), followUpSince(now))
                .flatMap(relationship -> relationship != null
                        ? Uni.createFrom().item(new AccessPolicy.Facts(relationship, null))
                        : grants.activeGrant(patient.id(), caller.username(), now)
                        .map(grant -> new AccessPolicy.Facts(null, grant)))
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
                return audit.record(caller, action, patient.id(), PatientAudit.SUCCESS, decision.auditBasis())
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
                return audit.record(caller, action, target, patient.id(), PatientAudit.SUCCESS, decision.auditBasis())
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
    public AccessScope searchScope(Caller caller, Instant now) {
        if (caller.hasRole(Roles.ADMIN)) {
            return new AccessScope.Unrestricted(AccessPolicy.Basis.ADMIN.code());
        }
        if (caller.hasRole(Roles.RECEPTIONIST)) {
            return new AccessScope.Unrestricted(AccessPolicy.Basis.FRONT_DESK.code());
        }
        return new AccessScope.Clinical(caller.departments(), caller.username(), now, followUpSince(now));
    }
}
