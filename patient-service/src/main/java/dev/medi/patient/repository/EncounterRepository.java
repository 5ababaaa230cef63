package dev.medi.patient.repository;

import dev.medi.patient.encounter.EncounterStatus;
import dev.medi.patient.coded.Coded;
import dev.medi.patient.encounter.Encounter;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EncounterRepository implements PanacheRepositoryBase<Encounter, UUID> {

    /** Position in a patient's encounters, newest first: start time, then id. */
    public record Position(Instant startedAt, UUID id) {
    }

    /** The encounter that came from this queue entry, or {@code null}. */
    public Uni<Encounter> byQueueEntry(UUID queueEntryId) {
        return find("queueEntryId", queueEntryId).firstResult();
    }

    /**
     * A patient's encounters, newest first, after {@code after} ({@code null}: from the newest).
     *
     * @param statuses only those in one of these statuses (FHIR codes), or {@code null}
     * @param from     only those started at or after this instant, or {@code null}
     * @param to       only those started before this instant, or {@code null}
     */
    public Uni<List<Encounter>> ofPatient(UUID patientId, Collection<String> statuses, Instant from, Instant to, Position after,
                                          int limit) {
        StringBuilder query = new StringBuilder("patientId = :patient");
        Parameters parameters = Parameters.with("patient", patientId);
        if (statuses != null) {
            query.append(" and status in :statuses");
            parameters.and("statuses", statuses.stream().map(code -> Coded.fromCode(EncounterStatus.class, code)).toList());
        }
        if (from != null) {
            query.append(" and startedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and startedAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            query.append(" and (startedAt < :afterAt or (startedAt = :afterAt and id < :afterId))");
            parameters.and("afterAt", after.startedAt()).and("afterId", after.id());
        }
        return find(query + " order by startedAt desc, id desc", parameters).page(0, limit).list();
    }
}
