package dev.medi.patient.repository;

import dev.medi.patient.observation.Observation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, UUID> {

    /** Position in a patient's observations, newest first: effective time, then id. */
    public record Position(Instant effectiveAt, UUID id) {
    }

    /**
     * A patient's observations, newest first.
     *
     * @param codes only these LOINC codes, or {@code null} for all
     * @param from  effective at or after, or {@code null}
     * @param to    effective before, or {@code null}
     * @param after keyset position of the previous page's last row, or {@code null}
     */
    public Uni<List<Observation>> ofPatient(UUID patientId, Collection<String> codes, Instant from, Instant to,
                                            Position after, int limit) {
        StringBuilder query = new StringBuilder("patientId = :patient");
        Parameters parameters = Parameters.with("patient", patientId);
        if (codes != null) {
            query.append(" and code in :codes");
            parameters.and("codes", codes);
        }
        if (from != null) {
            query.append(" and effectiveAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and effectiveAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and (effectiveAt < :afterAt or (effectiveAt = :afterAt and id < :afterId))");
            parameters.and("afterAt", after.effectiveAt()).and("afterId", after.id());
        }
        return find(query + " order by effectiveAt desc, id desc", parameters).page(0, limit).list();
    }

    /** A set of observations recorded together and when. */
    public record SetPosition(UUID setId, Instant effectiveAt) {
    }

    /**
     * The patient's sets of observations, newest first (effective time, then set id), strictly after
     * {@code after} (its id is a set id), at most {@code limit}.
     */
    public Uni<List<SetPosition>> setsOfPatient(UUID patientId, Position after, int limit) {
        String sql = "select set_id, max(effective_at) as at from observations where patient_id = ?1 group by set_id"
                + (after == null ? "" : " having (max(effective_at) < ?3 or (max(effective_at) = ?3 and set_id < ?4))")
                + " order by at desc, set_id desc limit ?2";
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter(1, patientId).setParameter(2, limit);
            if (after != null) {
                query.setParameter(3, after.effectiveAt()).setParameter(4, after.id());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new SetPosition((UUID) row[0], toInstant(row[1]))).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
    }

    /** Every observation of these sets (to put a blood pressure's systolic and diastolic rows together). */
    public Uni<List<Observation>> ofSets(Collection<UUID> setIds) {
        if (setIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("setId in ?1 order by id", setIds);
    }
}
