package dev.medi.queue.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.medi.queue.Department;
import dev.medi.queue.repository.DepartmentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.UUID;

/**
 * Active departments as the check-in reads them (code, day, SLA targets), kept for a few seconds so a busy desk
 * does not read the same row hundreds of times a minute. A change made through this replica's
 * {@link DepartmentService} is seen at once; one made through another replica within
 * {@code medi.queue.department-cache-ttl} (SLA targets, a deactivation). The SLA monitor re-computes waiting
 * entries' due times from the stored targets every pass, so a stale target only affects the first minutes of an
 * entry's wait. The cached entities are detached and only read.
 */
@ApplicationScoped
public class DepartmentDirectory {

    private final DepartmentRepository departments;
    private final Cache<UUID, Department> active;

    DepartmentDirectory(DepartmentRepository departments,
                        @ConfigProperty(name = "medi.queue.department-cache-ttl", defaultValue = "5s") Duration ttl) {
        this.departments = departments;
        this.active = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** The active department, or a 404 problem. Opens its own session on a miss: call outside a transaction. */
    public Uni<Department> active(UUID id) {
        Department cached = active.getIfPresent(id);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return departments.read(id)
                .map(Departments::found)
                .invoke(department -> active.put(id, department));
    }

    /** After a change to the department has committed. */
    public void forget(UUID id) {
        active.invalidate(id);
    }
}
