package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * {@code known_patients}: the patients a check-in may name (ADR 0016). The check-in statement reads it itself
 * ({@link CheckInRepository}); this writes it.
 */
@ApplicationScoped
public class KnownPatientRepository {

    /** Patient-service's status of a record that may be checked in. */
    public static final String ACTIVE = "active";

    private final Pool pool;

    KnownPatientRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * A record event, in the consumer's transaction (its session): the newer version wins, an older or repeated
     * event changes nothing.
     */
    public Uni<Void> record(UUID patientId, String status, long version, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into known_patients (patient_id, status, version, updated_at) values (?1, ?2, ?3, ?4)
                        on conflict (patient_id) do update
                           set status = excluded.status, version = excluded.version, updated_at = excluded.updated_at
                         where known_patients.version < excluded.version""")
                        .setParameter(1, patientId)
                        .setParameter(2, status)
                        .setParameter(3, version)
                        .setParameter(4, at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * patient-service answered that the patient exists before its event arrived: remembered as active with version
     * -1, so any event of the record (versions start at 0) replaces it, and an entered-in-error already recorded stays.
     */
    public Uni<Void> rememberActive(UUID patientId, Instant at) {
        return pool.preparedQuery("""
                        insert into known_patients (patient_id, status, version, updated_at) values ($1, $2, -1, $3)
                        on conflict (patient_id) do nothing""")
                .execute(Tuple.of(patientId, ACTIVE, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Whether the patient may be checked in (the link reads it; the check-in reads it in its own statement). */
    public Uni<Boolean> checkable(UUID patientId) {
        return pool.preparedQuery("select 1 from known_patients where patient_id = $1 and status = $2")
                .execute(Tuple.of(patientId, ACTIVE))
                .map(rows -> rows.size() > 0);
    }
}
