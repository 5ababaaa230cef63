package dev.medi.queue.repository;

import dev.medi.queue.Room;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    public Uni<List<Room>> ofDepartment(UUID departmentId) {
        return find("departmentId = ?1 order by name", departmentId).list();
    }

    public Uni<Room> findByName(UUID departmentId, String name) {
        return find("departmentId = ?1 and name = ?2", departmentId, name).firstResult();
    }
}
