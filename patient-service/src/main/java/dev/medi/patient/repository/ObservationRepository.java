package dev.medi.patient.repository;

import dev.medi.patient.Observation;
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

    /** Every observation of these sets (to put a blood pressure's systolic and diastolic rows together). */
    public Uni<List<Observation>> ofSets(Collection<UUID> setIds) {
        if (setIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("setId in ?1 order by id", setIds);
    }
}
