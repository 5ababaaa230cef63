package dev.medi.queue;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;
import java.util.UUID;

/** A consultation room of a department: where a called patient goes. */
@Entity
@Table(name = "rooms")
public class Room {

    @Id
    private UUID id;

    @Column(name = "department_id", nullable = false, updatable = false)
    private UUID departmentId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected Room() {
        // for Hibernate
    }

    public static Room create(UUID departmentId, String name) {
        Room room = new Room();
        room.id = TimeOrderedIds.next();
        room.departmentId = Objects.requireNonNull(departmentId);
        room.name = Objects.requireNonNull(name).strip();
        room.active = true;
        return room;
    }

    public void rename(String newName) {
        name = Objects.requireNonNull(newName).strip();
    }

    public void setActive(boolean isActive) {
        active = isActive;
    }

    public UUID id() {
        return id;
    }

    public UUID departmentId() {
        return departmentId;
    }

    public String name() {
        return name;
    }

    public boolean active() {
        return active;
    }
}
