package dev.medi.queue.service;

import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventTypes;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.messaging.QueueEventPublisher;
import dev.medi.queue.repository.QueueEntryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** Check-in: a new arrival enters a department's queue. */
@ApplicationScoped
public class CheckInService {

    private final QueueEntryRepository entries;
    private final QueueEventPublisher events;
    private final Clock clock;

    CheckInService(QueueEntryRepository entries, QueueEventPublisher events) {
        this.entries = entries;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** Stores the entry and its event in one transaction, then wakes the outbox relay. */
    public Uni<QueueEntry> checkIn(Caller caller, UUID departmentId, UUID patientId, String chiefComplaint) {
        caller.requireDepartment(departmentId);
        QueueEntry entry = QueueEntry.checkIn(departmentId, patientId, chiefComplaint, caller.username(), clock.instant());
        return Panache.withTransaction(() -> entries.persist(entry)
                        .call(persisted -> events.record(EventTypes.QUEUE_ENTRY_CHECKED_IN, persisted)))
                .invoke(persisted -> {
                    Log.infof("checked in entry %s in department %s", persisted.id(), departmentId);
                    events.committed();
                });
    }

    public Uni<QueueEntry> find(Caller caller, UUID departmentId, UUID entryId) {
        caller.requireDepartment(departmentId);
        return Panache.withSession(() -> entries.findById(entryId))
                .map(entry -> entry != null && entry.departmentId().equals(departmentId) ? entry : null);
    }
}
