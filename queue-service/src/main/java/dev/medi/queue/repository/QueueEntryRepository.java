package dev.medi.queue.repository;

import dev.medi.platform.events.QueueStatuses;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueueStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class QueueEntryRepository implements PanacheRepositoryBase<QueueEntry, UUID> {

    /** The statuses of {@link QueueStatuses}, the one definition of waiting and active, as query parameters. */
    private static final List<QueueStatus> ACTIVE = statuses(QueueStatuses.ACTIVE);
    private static final List<QueueStatus> WAITING = statuses(QueueStatuses.WAITING);

    private static final String WAITING_COUNTS = """
            select department_id, coalesce(esi_level, 0), count(*)
              from queue_entries where status in (%s)
             group by department_id, coalesce(esi_level, 0)""".formatted(sqlLiterals(QueueStatuses.WAITING));

    /** The department's live queue: waiting entries in queue order first, then the called and in consultation. */
    public Uni<List<QueueEntry>> active(UUID departmentId) {
        return find("departmentId = ?1 and status in ?2 order by priority, arrivedAt, id", departmentId, ACTIVE).list();
    }

    /** The waiting entry that is next: lowest priority number, then earliest arrival. */
    public Uni<QueueEntry> firstWaiting(UUID departmentId) {
        return find("departmentId = ?1 and status in ?2 order by priority, arrivedAt, id", departmentId, WAITING)
                .firstResult();
    }

    /**
     * Waiting entries the SLA monitor may have to change at {@code now}: past their due time and either not yet
     * marked as breached or still able to move up by aging. Entries within their target are left alone, so a
     * long queue does not make the monitor hold the department's lock for long.
     */
    public Uni<List<QueueEntry>> agingCandidates(UUID departmentId, Instant now) {
        return find("""
                departmentId = ?1 and status in ?2 and slaDueAt < ?3
                and (slaBreachedAt is null or (priorityOverride is null and priority > 1))""",
                departmentId, WAITING, now).list();
    }

    /** Average length of the consultations finished in the department since {@code since}, and how many. */
    public Uni<Object[]> consultationStats(UUID departmentId, Instant since) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        select count(*), coalesce(avg(extract(epoch from ended_at - consultation_started_at)), 0)
                          from queue_entries
                         where department_id = ?1 and status = 'FINISHED' and ended_at >= ?2
                           and consultation_started_at is not null""", Object[].class)
                .setParameter(1, departmentId)
                .setParameter(2, since)
                .getSingleResult());
    }

    /** Doctors who called a patient in the department since {@code since}. */
    public Uni<Long> activeDoctors(UUID departmentId, Instant since) {
        return count("select count(distinct calledBy) from QueueEntry where departmentId = ?1 and calledAt >= ?2",
                departmentId, since);
    }

    /**
     * Entries of the department that ended within [{@code from}, {@code to}), newest end first (then id), after the
     * entry {@code before} of that order when given; at most {@code limit}.
     */
    public Uni<List<QueueEntry>> ended(UUID departmentId, Instant from, Instant to, QueueEntry before, int limit) {
        if (before == null) {
            return find("departmentId = ?1 and endedAt >= ?2 and endedAt < ?3 order by endedAt desc, id desc",
                    departmentId, from, to).range(0, limit - 1).list();
        }
        return find("""
                departmentId = ?1 and endedAt >= ?2 and endedAt < ?3
                and (endedAt < ?4 or (endedAt = ?4 and id < ?5)) order by endedAt desc, id desc""",
                departmentId, from, to, before.endedAt(), before.id()).range(0, limit - 1).list();
    }

    /** Waiting entries per department and level, for the metrics (its own session: read by the SLA monitor). */
    @WithSession
    public Uni<List<Object[]>> waitingCounts() {
        return getSession().flatMap(session -> session.createNativeQuery(WAITING_COUNTS, Object[].class).getResultList());
    }

    private static List<QueueStatus> statuses(Collection<String> names) {
        return names.stream().map(QueueStatus::valueOf).toList();
    }

    /** {@code 'ARRIVED', 'TRIAGED'}: fixed status names (never input) as SQL literals, for a constant statement. */
    static String sqlLiterals(Collection<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

}
