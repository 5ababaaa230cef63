package dev.medi.queue;

import dev.medi.platform.events.QueueStatuses;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a queue entry and its legal transitions:
 * <pre>
 * ARRIVED ─triage→ TRIAGED ─call→ CALLED ─start→ IN_CONSULTATION ─finish→ FINISHED
 *    │  (re-triage)↺   │              │                 │
 *    ├──────────────────┴──────────────┴─────────────────┴→ TRANSFERRED (to another department)
 *    ├──────────────────┴──────────────┴→ LEFT_WITHOUT_BEING_SEEN
 *    │                                 └→ NO_SHOW (called, did not come)
 *    └──────────────────┴→ CANCELLED (registered by mistake, end-of-day close)
 * </pre>
 * The last five are final.
 */
public enum QueueStatus {
    /** Checked in at the desk, waiting for triage. */
    ARRIVED,
    /** Triaged: has an ESI level, waits to be called. */
    TRIAGED,
    /** A doctor called the patient to a room. */
    CALLED,
    IN_CONSULTATION,
    FINISHED,
    TRANSFERRED,
    LEFT_WITHOUT_BEING_SEEN,
    NO_SHOW,
    CANCELLED;

    public Set<QueueStatus> next() {
        return switch (this) {
            case ARRIVED -> EnumSet.of(TRIAGED, CALLED, TRANSFERRED, LEFT_WITHOUT_BEING_SEEN, CANCELLED);
            case TRIAGED -> EnumSet.of(TRIAGED, CALLED, TRANSFERRED, LEFT_WITHOUT_BEING_SEEN, CANCELLED);
            case CALLED -> EnumSet.of(IN_CONSULTATION, TRANSFERRED, LEFT_WITHOUT_BEING_SEEN, NO_SHOW);
            case IN_CONSULTATION -> EnumSet.of(FINISHED, TRANSFERRED);
            case FINISHED, TRANSFERRED, LEFT_WITHOUT_BEING_SEEN, NO_SHOW, CANCELLED -> EnumSet.noneOf(QueueStatus.class);
        };
    }

    public boolean canBecome(QueueStatus target) {
        return next().contains(target);
    }

    /** Waiting to be called: ordered by priority, counted against the SLA ({@link QueueStatuses#WAITING}). */
    public boolean waiting() {
        return QueueStatuses.WAITING.contains(name());
    }

    /** On the department's live queue ({@link QueueStatuses#ACTIVE}). */
    public boolean active() {
        return QueueStatuses.ACTIVE.contains(name());
    }
}
