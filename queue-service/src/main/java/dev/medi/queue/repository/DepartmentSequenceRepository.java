package dev.medi.queue.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The per-department event sequence (see V1__queue_entries.sql; numbers are given at commit by
 * R__queue_event_numbering.sql), and the department lock that row doubles as.
 */
@ApplicationScoped
public class DepartmentSequenceRepository {

    private static final String ENSURE = """
            insert into department_sequences (department_id, last_sequence) values (?1, 0)
            on conflict (department_id) do nothing""";
    private static final String LOCK = "select last_sequence from department_sequences where department_id = ?1 for update";
    private static final String REPEATABLE_READ = "set transaction isolation level repeatable read";
    private static final String READ = "select last_sequence from department_sequences where department_id = ?1";

    /**
     * First step of every transaction that must choose or check entries under a stable queue (call-next,
     * transitions, triage, transfer, the SLA monitor): locks the department's sequence row until commit. That makes
     * "take the first waiting entry" atomic and — one lock per department, always taken first — rules out deadlocks
     * between the API and the SLA monitor. (The event numbering at commit takes the same row.)
     *
     * @return the last sequence number used
     */
    public Uni<Long> lockDepartment(UUID departmentId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ENSURE).setParameter(1, departmentId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK, Long.class).setParameter(1, departmentId).getSingleResult()));
    }

    /**
     * The last sequence, as the first statement of a repeatable-read transaction: everything read next in the
     * same transaction is the state at exactly that sequence (changes number their events in commit order),
     * and readers neither wait for writers nor hold them up.
     */
    public Uni<Long> readConsistent(UUID departmentId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(REPEATABLE_READ).executeUpdate()
                .chain(() -> session.createNativeQuery(READ, Long.class).setParameter(1, departmentId).getResultList()))
                .map(rows -> rows.isEmpty() ? 0L : rows.get(0));
    }
}
