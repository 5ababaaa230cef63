package dev.medi.queue.messaging;

import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxRelay;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Records queue events in the outbox, numbered per department, keyed by department. */
@ApplicationScoped
public class QueueEventPublisher {

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final DepartmentSequenceRepository sequences;

    QueueEventPublisher(Outbox outbox, OutboxRelay relay, DepartmentSequenceRepository sequences) {
        this.outbox = outbox;
        this.relay = relay;
        this.sequences = sequences;
    }

    /**
     * First step of every transaction that changes a department's queue: locks the department's sequence row.
     * Changes of one department are serialised by it, which keeps the sequence gapless and in commit order,
     * makes "take the first waiting entry" atomic, and — one lock per department, always taken first — rules
     * out deadlocks between the API and the SLA monitor.
     */
    public Uni<Long> lockDepartment(UUID departmentId) {
        return sequences.lock(departmentId);
    }

    /** Inside the transaction of the change: flushes the entry, takes the next sequence and appends the event. */
    public Uni<Long> record(String type, QueueEntry entry) {
        return record(type, entry, null);
    }

    /** As {@link #record(String, QueueEntry)}, carrying the triage behind a triage event. */
    public Uni<Long> record(String type, QueueEntry entry, QueueTriageData triage) {
        return Panache.getSession().flatMap(session -> session.flush()) // the snapshot carries the new version
                .chain(() -> sequences.next(entry.departmentId()))
                .call(sequence -> outbox.append(
                        Topics.QUEUE_EVENTS,
                        entry.departmentId().toString(),
                        type,
                        EventSources.QUEUE_SERVICE,
                        entry.id().toString(),
                        new QueueEventData(entry.departmentId(), sequence, entry.snapshot(), triage)));
    }

    /** After commit: publish without waiting for the next poll. */
    public void committed() {
        relay.wake();
    }
}
