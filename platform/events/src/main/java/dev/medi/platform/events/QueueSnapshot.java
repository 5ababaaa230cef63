package dev.medi.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A department's live queue at one sequence number ({@code GET /api/v1/queues/{dept}/snapshot}): what a
 * screen loads first, and again whenever it sees a gap in the event sequence. Events with a sequence
 * up to {@code sequence} are already contained in it.
 *
 * @param departmentId the department
 * @param sequence     the department's last event sequence number included
 * @param generatedAt  when it was read
 * @param entries      active entries (see {@link QueueStatuses#ACTIVE}), waiting ones in queue order first
 */
public record QueueSnapshot(UUID departmentId, long sequence, Instant generatedAt, List<Item> entries) {

    /**
     * One entry with what is derived at read time.
     *
     * @param position             1-based place among the waiting entries; {@code null} once called
     * @param waitedSeconds        since arrival
     * @param slaState             {@code OK}, {@code DUE_SOON} (within the last fifth of the target) or {@code BREACHED}
     * @param estimatedWaitSeconds until the call, from recent consultation durations and the doctors active
     *                             in the department; {@code null} once called
     */
    public record Item(QueueEntrySnapshot entry, Integer position, long waitedSeconds, String slaState,
                       Long estimatedWaitSeconds) {
    }
}
