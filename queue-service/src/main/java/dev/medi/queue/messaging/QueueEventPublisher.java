package dev.medi.queue.messaging;

import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxRelay;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** Inside the transaction of the change: takes the department's next sequence and appends the event. */
    public Uni<Long> record(String type, QueueEntry entry) {
        return sequences.next(entry.departmentId()).call(sequence -> outbox.append(
                Topics.QUEUE_EVENTS,
                entry.departmentId().toString(),
                type,
                EventSources.QUEUE_SERVICE,
                entry.id().toString(),
                new QueueEventData(entry.departmentId(), sequence, entry.snapshot())));
    }

    /** After commit: publish without waiting for the next poll. */
    public void committed() {
        relay.wake();
    }
}
