package dev.medi.patient.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What notes need to know about an encounter (table {@code encounters}, owned by the encounter code of this
 * service): whose it is and when it took place. Native SQL, so notes do not depend on the encounter entity.
 */
@ApplicationScoped
public class EncounterLookup {

    /** The encounter's patient and start. */
    public record EncounterRef(UUID id, UUID patientId, Instant startedAt) {
    }

    /** {@code null} when there is no such encounter. */
    public Uni<EncounterRef> find(UUID encounterId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select patient_id, " + STARTED_AT + " from encounters where id = ?1", Object[].class)
                .setParameter(1, encounterId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null
                        : new EncounterRef(encounterId, (UUID) rows.get(0)[0], instant(rows.get(0)[1])));
    }

    /** The encounter's start column (V6__encounters.sql). */
    static final String STARTED_AT = "started_at";

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
