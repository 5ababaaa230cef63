package dev.medi.patient.repository;

import dev.medi.patient.access.BreakGlassGrant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class BreakGlassGrantRepository implements PanacheRepositoryBase<BreakGlassGrant, UUID> {

    /** Whether {@code grantedTo} holds a grant for the patient that has not expired at {@code now}. */
    public Uni<Boolean> hasActive(UUID patientId, String grantedTo, Instant now) {
        return count("patientId = ?1 and grantedTo = ?2 and expiresAt > ?3", patientId, grantedTo, now)
                .map(count -> count > 0);
    }

    /** The id of {@code grantedTo}'s grant for the patient that lasts longest past {@code now}, or {@code null}. */
    public Uni<UUID> activeGrant(UUID patientId, String grantedTo, Instant now) {
        return find("patientId = ?1 and grantedTo = ?2 and expiresAt > ?3 order by expiresAt desc", patientId, grantedTo, now)
                .firstResult().map(grant -> grant == null ? null : grant.id());
    }
}
