package dev.medi.queue.messaging;

import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxEvent;
import dev.medi.queue.QueueEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * queue-service's one way to publish: records a {@link QueueEvents} event in the outbox, inside the transaction of
 * the change. Each event names the user whose request made the change ({@link QueueEventActor}), the same user the
 * entry's transition records. The outbox relay publishes it after commit by itself.
 */
@ApplicationScoped
public class QueueEventPublisher {

    /** Placeholder replaced by the commit-time trigger (R__queue_event_numbering.sql). */
    private static final long NUMBERED_AT_COMMIT = 0;

    /** The actor of a change queue-service makes by itself (SLA monitor, end-of-day close): none. */
    public static final Caller BY_ITSELF = null;

    private final Outbox outbox;

    QueueEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Flushes the entry (the event carries its new version) and appends the event. Its sequence number is given at
     * commit by the database, per department (the descriptor's {@code numberedPer}); until then the payload
     * carries 0.
     *
     * @param actor the user whose request made the change, or {@link #BY_ITSELF}
     */
    public Uni<UUID> record(EventType<QueueEventData> type, QueueEntry entry, Caller actor) {
        return record(type, entry, null, actor);
    }

    /** As {@link #record(EventType, QueueEntry, Caller)}, carrying the triage behind a triage event. */
    public Uni<UUID> record(EventType<QueueEventData> type, QueueEntry entry, QueueTriageData triage, Caller actor) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(type, data(entry, triage, actor)));
    }

    /**
     * The outbox row of an event for a change written with plain SQL rather than through the session (the check-in,
     * which inserts it in the same statement). Numbered at commit like every other queue event.
     */
    public OutboxEvent prepare(EventType<QueueEventData> type, QueueEntry entry, Caller actor) {
        return outbox.prepare(type, data(entry, null, actor));
    }

    /** The event data of {@code entry} as it is now, before the database numbers it. */
    static QueueEventData data(QueueEntry entry, QueueTriageData triage, Caller actor) {
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
}
