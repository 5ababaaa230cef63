package dev.medi.patient.repository;

import dev.medi.patient.access.AuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Filter of the audit query; {@code null} fields do not restrict. */
    public record Filter(UUID patientId, String actor, String action, String outcome) {
    }

    /** Newest first (ids are time-ordered); {@code before} is the last id of the previous page. */
    public Uni<List<AuditEntry>> page(Filter filter, UUID before, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.patientId() != null) {
            conditions.add("patientId = :patientId");
            parameters.and("patientId", filter.patientId());
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = :outcome");
            parameters.and("outcome", filter.outcome());
        }
        if (before != null) {
            conditions.add("id < :before");
            parameters.and("before", before);
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return find(where + "order by id desc", parameters).page(0, size).list();
    }
}
