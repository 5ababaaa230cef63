package dev.medi.platform.events;

import java.util.Set;

/** The lifecycle states of a queue entry as they appear in events and snapshots. */
public final class QueueStatuses {

    public static final String ARRIVED = "ARRIVED";
    public static final String TRIAGED = "TRIAGED";
    public static final String CALLED = "CALLED";
    public static final String IN_CONSULTATION = "IN_CONSULTATION";
    public static final String FINISHED = "FINISHED";
    public static final String TRANSFERRED = "TRANSFERRED";
    public static final String LEFT_WITHOUT_BEING_SEEN = "LEFT_WITHOUT_BEING_SEEN";
    public static final String NO_SHOW = "NO_SHOW";
    public static final String CANCELLED = "CANCELLED";

    /** States in which an entry is on the department's live queue (and in its snapshot). */
    public static final Set<String> ACTIVE = Set.of(ARRIVED, TRIAGED, CALLED, IN_CONSULTATION);

    /** States in which an entry waits to be called. */
    public static final Set<String> WAITING = Set.of(ARRIVED, TRIAGED);

    private QueueStatuses() {
    }
}
