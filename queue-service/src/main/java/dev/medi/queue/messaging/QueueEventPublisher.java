package dev.medi.queue.messaging;

import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxEvent;
import dev.medi.platform.outbox.OutboxRelay;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.repository.DepartmentSequenceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records queue events in the outbox, numbered per department, keyed by department. Each event names the user
 * whose request made the change ({@link QueueEventActor}), the same user the entry's transition records.
 */
@ApplicationScoped
public class QueueEventPublisher {

    /** Placeholder replaced by the commit-time trigger. */
    private static final long NUMBERED_AT_COMMIT = 0;

    /** The actor of a change queue-service makes by itself (SLA monitor, end-of-day close): none. */
    public static final Caller BY_ITSELF = null;

    private final Outbox outbox;
    private final OutboxRelay relay;
    private final DepartmentSequenceRepository sequences;

    QueueEventPublisher(Outbox outbox, OutboxRelay relay, DepartmentSequenceRepository sequences) {
        this.outbox = outbox;
        this.relay = relay;
        this.sequences = sequences;
    }

    /**
     * First step of every transaction that must choose or check entries under a stable queue (call-next,
     * transitions, triage, the SLA monitor): locks the department's sequence row until commit. That makes "take
     * the first waiting entry" atomic and — one lock per department, always taken first — rules out deadlocks
     * between the API and the SLA monitor. (The event numbering at commit takes the same row.)
     */
    public Uni<Long> lockDepartment(UUID departmentId) {
        return sequences.lock(departmentId);
    }

    /**
     * Inside the transaction of the change: flushes the entry (the event carries its new version) and appends
     * the event. Its sequence number is given at commit by the database (R__queue_event_numbering.sql), which
     * locks the department's sequence row for the commit only; until then the payload carries 0.
     *
     * @param actor the user whose request made the change, or {@link #BY_ITSELF}
     */
    public Uni<UUID> record(String type, QueueEntry entry, Caller actor) {
        return record(type, entry, null, actor);
    }

    /** As {@link #record(String, QueueEntry, Caller)}, carrying the triage behind a triage event. */
    public Uni<UUID> record(String type, QueueEntry entry, QueueTriageData triage, Caller actor) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(
                        Topics.QUEUE_EVENTS,
                        entry.departmentId().toString(),
                        type,
                        EventSources.QUEUE_SERVICE,
                        entry.id().toString(),
                        data(entry, triage, actor)));
    }

    /**
     * The outbox row of an event for a change written with plain SQL rather than through the session (the check-in,
     * which inserts it in the same statement). Numbered at commit like every other queue event.
     */
    public OutboxEvent prepare(String type, QueueEntry entry, Caller actor) {
        return outbox.prepare(Topics.QUEUE_EVENTS, entry.departmentId().toString(), type, EventSources.QUEUE_SERVICE,
                entry.id().toString(), data(entry, null, actor));
    }

    private static QueueEventData data(QueueEntry entry, QueueTriageData triage, Caller actor) {
        return new QueueEventData(entry.departmentId(), NUMBERED_AT_COMMIT, entry.snapshot(), triage, actor(actor));
    }

    /** The token's subject, user name and roles; a caller without a subject is named by its user name. */
    static QueueEventActor actor(Caller caller) {
        if (caller == null) {
            return null;
        }
        return new QueueEventActor(caller.subject() == null ? caller.username() : caller.subject(), caller.username(),
                caller.roles().stream().sorted().toList());
    }

    /** After commit: publish without waiting for the next poll. */
    public void committed() {
        relay.wake();
    }
}
