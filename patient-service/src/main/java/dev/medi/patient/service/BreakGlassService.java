package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.access.BreakGlassGrant;
import dev.medi.patient.config.PatientConfig;
import dev.medi.patient.repository.BreakGlassGrantRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.RequestIds;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Break-glass: a nurse or doctor gets access to a patient outside their departments for
 * {@code medi.patient.break-glass.duration}, with a reason. Audited as {@code patient.break-glass}; reads
 * under the grant are audited with the basis {@code break-glass}, so a reviewer can list them.
 */
@ApplicationScoped
public class BreakGlassService {

    private final PatientRepository patients;
    private final BreakGlassGrantRepository grants;
    private final PatientAccess access;
    private final PatientConfig config;
    private final Clock clock = Clock.systemUTC();

    BreakGlassService(PatientRepository patients, BreakGlassGrantRepository grants, PatientAccess access,
                      PatientConfig config) {
        this.patients = patients;
        this.grants = grants;
        this.access = access;
        this.config = config;
    }

    public Uni<BreakGlassGrant> breakGlass(Caller caller, UUID patientId, String reason) {
        Instant now = clock.instant();
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.BREAK_GLASS, PatientAudit.BREAK_GLASS, now)
                                .flatMap(guarded -> {
                                    if (!guarded.isAllowed()) {
                                        return Uni.createFrom().item(Guarded.<BreakGlassGrant>refused(guarded.refusal()));
                                    }
                                    BreakGlassGrant grant = BreakGlassGrant.grant(TimeOrderedIds.next(), patient.id(),
                                            caller.username(), reason, now, config.breakGlass().duration(),
                                            requestId == null ? null : requestId.toString());
                                    return grants.persist(grant).map(Guarded::allowed);
                                })))
                .map(Guarded::orThrow)
                .invoke(grant -> Log.infof("break-glass access %s to patient %s until %s", grant.id(), grant.patientId(),
                        grant.expiresAt()));
    }
}
