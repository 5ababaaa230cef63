package dev.medi.queue.repository;

import dev.medi.queue.Department;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, UUID> {

    /**
     * Locks the department row for the rest of the transaction: call-next and the monitor take it so that
     * picking "the first waiting entry" and acting on it is atomic per department.
     */
    public Uni<Department> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Department>> all() {
        return find("order by code").list();
    }

    public Uni<Department> findByCode(String code) {
        return find("code", code).firstResult();
    }
}
