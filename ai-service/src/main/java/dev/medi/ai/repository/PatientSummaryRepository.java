package dev.medi.ai.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** {@code patient_summaries}: the last summary of each patient and whether a record event has made it stale. */
@ApplicationScoped
public class PatientSummaryRepository {

    /** A stored summary; {@code changes} is the event count it must still match when saved again. */
    public record Cached(JsonObject summary, Instant computedAt, long changes, boolean stale) {
    }

    private final Pool pool;

    PatientSummaryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Cached>> find(UUID patientId) {
        return pool.preparedQuery("select summary, computed_at, changes, stale from patient_summaries where patient_id = $1")
                .execute(Tuple.of(patientId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(cached(rows.iterator().next())));
    }

    /**
     * Stores a summary computed from the record as it was when {@code seenChanges} events had arrived: if another
     * arrived meanwhile, the summary is kept but stays stale.
     */
    public Uni<Void> save(UUID patientId, JsonObject summary, Instant computedAt, long seenChanges) {
        return pool.preparedQuery("""
                        insert into patient_summaries (patient_id, summary, computed_at, changes, stale)
                        values ($1, $2, $3, $4, false)
                        on conflict (patient_id) do update
                           set summary = excluded.summary, computed_at = excluded.computed_at,
                               stale = patient_summaries.changes <> $4""")
                .execute(Tuple.of(patientId, summary, computedAt.atOffset(ZoneOffset.UTC), seenChanges))
                .replaceWithVoid();
    }

    /** A record event of the patient: the next read recomputes the summary. */
    public Uni<Void> markStale(UUID patientId) {
        return pool.preparedQuery("""
                        insert into patient_summaries (patient_id, changes, stale) values ($1, 1, true)
                        on conflict (patient_id) do update set changes = patient_summaries.changes + 1, stale = true""")
                .execute(Tuple.of(patientId))
                .replaceWithVoid();
    }

    private static Cached cached(Row row) {
        Object summary = row.getValue("summary");
        return new Cached(summary instanceof JsonObject json ? json : null,
                row.getOffsetDateTime("computed_at") == null ? null : row.getOffsetDateTime("computed_at").toInstant(),
                row.getLong("changes"), row.getBoolean("stale"));
    }
}
