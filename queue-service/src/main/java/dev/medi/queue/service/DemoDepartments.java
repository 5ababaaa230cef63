package dev.medi.queue.service;

import dev.medi.queue.Department;
import dev.medi.queue.Room;
import dev.medi.queue.SlaTargets;
import dev.medi.queue.config.QueueConfig;
import dev.medi.queue.repository.DepartmentRepository;
import dev.medi.queue.repository.RoomRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The local run's departments (the ids the demo accounts work in): General practice (GEN) and Emergency
 * (EMR), three rooms each, default targets. Only when {@code medi.queue.demo.departments=true}; never in prod.
 */
@ApplicationScoped
public class DemoDepartments {

    record Demo(String code, String name, List<String> rooms) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("GEN", "General practice", List.of("Room 1", "Room 2", "Room 3")),
            new Demo("EMR", "Emergency", List.of("Resus", "Bay 1", "Bay 2")));

    private final DepartmentRepository departments;
    private final RoomRepository rooms;
    private final QueueConfig config;

    DemoDepartments(DepartmentRepository departments, RoomRepository rooms, QueueConfig config) {
        this.departments = departments;
        this.rooms = rooms;
        this.config = config;
    }

    void seed(@Observes StartupEvent started) throws Throwable {
        if (!config.demo().departments()) {
            return;
        }
        List<UUID> ids = config.demo().departmentIds();
        // blocking at startup is fine: the HTTP server is not serving yet
        VertxContextSupport.subscribeAndAwait(() -> Multi.createFrom().range(0, Math.min(ids.size(), DEMOS.size()))
                .onItem().transformToUniAndConcatenate(i -> ensure(ids.get(i), DEMOS.get(i)))
                .collect().asList());
    }

    /** One demo department in its own transaction. */
    @WithTransaction
    Uni<Void> ensure(UUID id, Demo demo) {
        return departments.findById(id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Department department = Department.create(id, demo.code(), demo.name(), ZoneId.of(config.defaults().timeZone()),
                    config.defaults().autoCloseAt(), SlaTargets.DEFAULT, Clock.systemUTC().instant());
            Log.infof("demo department %s (%s) created", demo.code(), id);
            return departments.persist(department)
                    .call(() -> Multi.createFrom().iterable(demo.rooms())
                            .onItem().transformToUniAndConcatenate(name -> rooms.persist(Room.create(id, name)))
                            .collect().asList())
                    .replaceWithVoid();
        });
    }
}
