package dev.medi.platform.events;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle states of a queue entry as they appear in events and snapshots, and the one definition of which
 * of them are waiting and active: queue-service's Java and its SQL both read the sets here. Sets iterate in
 * lifecycle order (stable SQL text).
 */
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

    /** Every state, in lifecycle order. */
    public static final Set<String> ALL = ordered(ARRIVED, TRIAGED, CALLED, IN_CONSULTATION, FINISHED, TRANSFERRED,
            LEFT_WITHOUT_BEING_SEEN, NO_SHOW, CANCELLED);

    /** States in which an entry is on the department's live queue (and in its snapshot). */
    public static final Set<String> ACTIVE = ordered(ARRIVED, TRIAGED, CALLED, IN_CONSULTATION);

    /** States in which an entry waits to be called (a subset of {@link #ACTIVE}). */
    public static final Set<String> WAITING = ordered(ARRIVED, TRIAGED);

    /** The states that end an entry's time on the queue. */
    public static final Set<String> ENDED = ordered(FINISHED, TRANSFERRED, LEFT_WITHOUT_BEING_SEEN, NO_SHOW, CANCELLED);

    private static Set<String> ordered(String... states) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(states)));
    }

    private QueueStatuses() {
    }
}
