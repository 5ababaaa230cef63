package dev.medi.patient.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Links between patients and the departments whose queue or encounters they were in
 * ({@code patient_department_links}): the basis of clinical staff's access (see {@code AccessPolicy}).
 */
@ApplicationScoped
public class DepartmentLinkRepository {

    /** Where a link comes from. */
    public static final String SOURCE_QUEUE = "queue";
    public static final String SOURCE_ENCOUNTER = "encounter";

    /** Whether the patient is linked to any of {@code departments}. */
    public Uni<Boolean> linkedToAny(UUID patientId, Set<UUID> departments) {
        if (departments.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        List<UUID> ids = new ArrayList<>(departments);
        String sql = "select count(*) from patient_department_links where patient_id = ?1 and department_id in ("
                + placeholders(2, ids.size()) + ")";
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Long.class).setParameter(1, patientId);
            for (int i = 0; i < ids.size(); i++) {
                query.setParameter(i + 2, ids.get(i));
            }
            return query.getSingleResult();
        }).map(count -> count > 0);
    }

    /** {@code ?first, ?first+1, ...}: {@code count} positional parameters. */
    static String placeholders(int first, int count) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(first + i);
        }
        return sql.toString();
    }

    /**
     * Records that the patient is in a department's queue or encounters. Idempotent (a repeat changes
     * nothing), so a consumer of queue or encounter events can call it for every redelivery.
     */
    public Uni<Boolean> link(UUID patientId, UUID departmentId, String source, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into patient_department_links (patient_id, department_id, source, linked_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, patientId)
                .setParameter(2, departmentId)
                .setParameter(3, source)
                .setParameter(4, at)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
