package dev.medi.patient.repository;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueStatuses;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The care relationships that give clinical staff access to a patient (ADR 0006), in one SQL expression shared by
 * the access check and both searches ({@link AccessScope#careBasis}), and the queue entries of registered patients they rest on
 * ({@code patient_queue_entries}, kept from queue events). A relationship with a department is, in this order:
 * <ol>
 *   <li>an active entry in its queue ({@code queue-entry});</li>
 *   <li>an open encounter there ({@code encounter});</li>
 *   <li>an encounter there that ended after {@code followUpSince} with an outcome other than no-show or cancelled
 *       ({@code follow-up}): a real visit, for notes and results.</li>
 * </ol>
 * A queue entry that ended grants nothing by itself: a check-in then a cancel, a transfer or "left without being
 * seen" before any consultation leaves no access behind.
 */
@ApplicationScoped
public class CareRelationshipRepository {

    /** Encounter outcomes after which no follow-up period applies: the visit did not happen. */
    static final List<String> NO_FOLLOW_UP = List.of("no-show", "cancelled");

    /** The patient's care relationship with any of {@code departments}, or {@code null}. */
    public Uni<AccessPolicy.Care> find(UUID patientId, Set<UUID> departments, Instant followUpSince) {
        if (departments.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        NativeSql sql = new NativeSql();
        String patient = sql.param(patientId);
        return sql.append("select " + AccessScope.careBasis(patient, departments, followUpSince, sql::param))
                .singleOrNull(String.class)
                .map(basis -> basis == null ? null : AccessPolicy.Care.parse(basis));
    }

    /**
     * Applies a queue event's entry (of a patient known here) to {@code patient_queue_entries}: inserts it, or
     * updates it when the event is newer (higher entry version) and the stored entry has not ended — an entry that
     * ended never becomes active again, whatever arrives late. {@code at} is when the change happened.
     *
     * @return whether the row changed
     */
    public Uni<Boolean> track(QueueEntrySnapshot entry, Instant at, Instant now) {
        boolean active = QueueStatuses.ACTIVE.contains(entry.status());
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into patient_queue_entries as q (entry_id, patient_id, department_id, status, entry_version,
                                                                arrived_at, ended_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, case when ?7 then null else cast(?9 as timestamptz) end, ?8)
                        on conflict (entry_id) do update
                           set status = excluded.status, entry_version = excluded.entry_version,
                               ended_at = excluded.ended_at, updated_at = excluded.updated_at
                         where q.entry_version < excluded.entry_version and q.ended_at is null""")
                .setParameter(1, entry.id())
                .setParameter(2, entry.patientId())
                .setParameter(3, entry.departmentId())
                .setParameter(4, entry.status())
                .setParameter(5, entry.version())
                .setParameter(6, entry.arrivedAt() == null ? at : entry.arrivedAt())
                .setParameter(7, active)
                .setParameter(9, at)
                .setParameter(8, now)
                .executeUpdate())
                .map(updated -> updated == 1);
    }
}
