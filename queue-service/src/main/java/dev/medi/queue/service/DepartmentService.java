package dev.medi.queue.service;

import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.outbox.AuditTrail;
import dev.medi.queue.Department;
import dev.medi.queue.Room;
import dev.medi.queue.SlaTargets;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.RoomRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Departments and rooms (admin): every change audited. */
@ApplicationScoped
public class DepartmentService {

    /** An admin's change; {@code null} fields stay as they are. */
    public record Changes(String name, ZoneId timeZone, LocalTime autoCloseAt, SlaTargets slaTargets, Boolean active) {
    }

    private final DepartmentRepository departments;
    private final RoomRepository rooms;
    private final AuditTrail audit;
    private final DepartmentDirectory directory;
    private final Clock clock = Clock.systemUTC();

    DepartmentService(DepartmentRepository departments, RoomRepository rooms, AuditTrail audit,
                      DepartmentDirectory directory) {
        this.departments = departments;
        this.directory = directory;
        this.rooms = rooms;
        this.audit = audit;
    }

    @WithSession
    public Uni<List<Department>> list() {
        return departments.all();
    }

    @WithSession
    public Uni<Department> get(UUID id) {
        return departments.findById(id).map(DepartmentService::exists);
    }

    @WithTransaction
    public Uni<Department> create(Caller admin, String code, String name, ZoneId zone, LocalTime autoCloseAt, SlaTargets targets) {
        return departments.findByCode(code).flatMap(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemType.CONFLICT, "A department with this code exists.");
            }
            Department department = Department.create(null, code, name, zone, autoCloseAt, targets, clock.instant());
            return departments.persist(department)
                    .call(created -> audit(admin, "department.create", created.id()));
        });
    }

    /** Applies the change; this replica's check-ins see it as soon as it is committed (the cache forgets it then). */
    public Uni<Department> update(Caller admin, UUID id, long expectedVersion, Changes changes) {
        return apply(admin, id, expectedVersion, changes).invoke(() -> directory.forget(id));
    }

    @WithTransaction
    Uni<Department> apply(Caller admin, UUID id, long expectedVersion, Changes changes) {
        return departments.findById(id).map(DepartmentService::exists).flatMap(department -> {
            if (department.version() != expectedVersion) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "The department was changed meanwhile. Reload it and apply your change again.");
            }
            department.update(changes.name(), changes.timeZone(), changes.autoCloseAt(), changes.slaTargets(), clock.instant());
            if (changes.active() != null) {
                department.setActive(changes.active(), clock.instant());
            }
            return audit(admin, "department.update", id).call(departments::flush).replaceWith(department);
        });
    }

    @WithSession
    public Uni<List<Room>> rooms(UUID departmentId) {
        return departments.findById(departmentId).map(DepartmentService::exists)
                .chain(() -> rooms.ofDepartment(departmentId));
    }

    @WithTransaction
    public Uni<Room> addRoom(Caller admin, UUID departmentId, String name) {
        return departments.findById(departmentId).map(DepartmentService::exists)
                .chain(() -> rooms.findByName(departmentId, name.strip()))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new ProblemException(ProblemType.CONFLICT, "The department has a room with this name.");
                    }
                    return rooms.persist(Room.create(departmentId, name));
                })
                .call(room -> audit(admin, "room.create", room.id()));
    }

    @WithTransaction
    public Uni<Room> setRoomActive(Caller admin, UUID departmentId, UUID roomId, boolean active) {
        return rooms.findById(roomId).map(room -> {
            if (room == null || !room.departmentId().equals(departmentId)) {
                throw new ProblemException(ProblemType.NOT_FOUND, "No such room in this department.");
            }
            room.setActive(active);
            return room;
        }).call(room -> audit(admin, active ? "room.enable" : "room.disable", room.id())).call(rooms::flush);
    }

    private Uni<Void> audit(Caller admin, String action, UUID target) {
        return audit.record(admin.username(), List.copyOf(admin.roles()), action, action.substring(0, action.indexOf('.')),
                target.toString(), "success");
    }

    private static Department exists(Department department) {
        if (department == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No such department.");
        }
        return department;
    }
}
