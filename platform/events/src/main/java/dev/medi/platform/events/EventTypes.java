package dev.medi.platform.events;

/**
 * CloudEvents {@code type} values. Pattern: {@code medi.<context>.<aggregate>.<past-tense-verb>.v<n>}.
 */
public final class EventTypes {

    public static final String QUEUE_ENTRY_CHECKED_IN = "medi.queue.entry.checked-in.v1";

    private EventTypes() {
    }
}
