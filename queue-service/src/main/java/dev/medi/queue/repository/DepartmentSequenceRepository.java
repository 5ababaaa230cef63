package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The per-department event sequence (see V1__queue_entries.sql). */
@ApplicationScoped
public class DepartmentSequenceRepository {

    private static final String NEXT = """
            insert into department_sequences (department_id, last_sequence) values (?1, 1)
            on conflict (department_id) do update set last_sequence = department_sequences.last_sequence + 1
            returning last_sequence""";

    /** Takes the next sequence number of the department; must run inside the transaction of the change. */
    public Uni<Long> next(UUID departmentId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(NEXT, Long.class)
                .setParameter(1, departmentId)
                .getSingleResult());
    }
}
