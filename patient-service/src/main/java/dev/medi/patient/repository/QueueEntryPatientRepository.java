package dev.medi.patient.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which registered patient a queue entry is for, as patient-service knows it from queue events: the entries it tracks
 * ({@code patient_queue_entries}, from the check-in on) and the encounters opened from entries ({@code encounters.queue_entry_id}).
 * Walk-ins without a patient appear in neither.
 */
@ApplicationScoped
public class QueueEntryPatientRepository {

    /** A queue entry's patient and why the caller may see that patient (an {@link AccessScope#basis} text). */
    public record EntryPatient(UUID entryId, UUID patientId, String basis) {
    }

    /**
     * The entries among {@code entryIds} whose patient is active and visible in {@code scope}, with the basis; only
     * entries of {@code departments} unless that is {@code null} (every department).
     */
    public Uni<List<EntryPatient>> visible(Collection<UUID> entryIds, Set<UUID> departments, AccessScope scope) {
        if (entryIds.isEmpty() || departments != null && departments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        NativeSql sql = new NativeSql();
        String entries = sql.param(uuidArray(entryIds));
        sql.append("""
                select v.entry_id, v.patient_id, v.basis from (
                    select k.entry_id, k.patient_id, %s as basis
                      from (select q.entry_id, q.patient_id, q.department_id
                              from patient_queue_entries q
                             where q.entry_id = any(cast(cast(%s as text) as uuid[]))
                            union all
                            select e.queue_entry_id, e.patient_id, e.department_id
                              from encounters e
                             where e.queue_entry_id = any(cast(cast(%s as text) as uuid[]))
                               and not exists (select 1 from patient_queue_entries q2 where q2.entry_id = e.queue_entry_id)
                           ) k
                      join patients p on p.id = k.patient_id
                     where p.status = 'active'""".formatted(scope.basis("k.patient_id", sql::param), entries, entries));
        if (departments != null) {
            sql.append(" and k.department_id = any(cast(cast(" + sql.param(uuidArray(departments)) + " as text) as uuid[]))");
        }
        sql.append(") v where v.basis is not null");
        return sql.list(Object[].class).map(rows -> rows.stream()
                .map(row -> new EntryPatient((UUID) row[0], (UUID) row[1], (String) row[2]))
                .toList());
    }

    /** A PostgreSQL array literal of ids, bound as text (as {@link AccessScope#careBasis} binds departments). */
    private static String uuidArray(Collection<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).sorted().toList()) + "}";
    }
}
