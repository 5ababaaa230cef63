package dev.medi.queue.repository;

import dev.medi.queue.Department;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DepartmentRepository implements PanacheRepositoryBase<Department, UUID> {

    /** The department, in a session of its own if none is open (the check-in's department cache reads it so). */
    @WithSession
    public Uni<Department> read(UUID id) {
        return findById(id);
    }

    /** Every department by code; opens a session if none is open (the SLA monitor reads it outside one). */
    @WithSession
    public Uni<List<Department>> all() {
        return find("order by code").list();
    }

    public Uni<Department> findByCode(String code) {
        return find("code", code).firstResult();
    }
}
