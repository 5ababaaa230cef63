package dev.medi.queue;

import dev.medi.platform.defaults.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One status change of an entry: who, when, why. Rows are only ever added. */
@Entity
@Table(name = "queue_transitions")
public class QueueTransition {

    @Id
    private UUID id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    private UUID entryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private QueueStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private QueueStatus to;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String room;

    protected QueueTransition() {
        // for Hibernate
    }

    static QueueTransition of(UUID entryId, QueueStatus from, QueueStatus to, String actor, Instant at, String reason,
                              String room) {
        QueueTransition transition = new QueueTransition();
        transition.id = TimeOrderedIds.next();
        transition.entryId = entryId;
        transition.from = from;
        transition.to = to;
        transition.actor = actor;
        transition.at = at;
        transition.reason = reason;
        transition.room = room;
        return transition;
    }

    public UUID id() {
        return id;
    }

    public UUID entryId() {
        return entryId;
    }

    public QueueStatus from() {
        return from;
    }

    public QueueStatus to() {
        return to;
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public String reason() {
        return reason;
    }

    public String room() {
        return room;
    }
}
