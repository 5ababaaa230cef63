package dev.medi.platform.events;

import java.util.List;

/**
 * The scribe job events ai-service publishes on {@link Topics#AI_EVENTS}; schema {@code schemas/medi.ai.events.v1.json}.
 * One event per state a job enters, keyed and subject-ed by the job id so a job's events stay in order. Only
 * {@link #SUCCEEDED} carries the draft (patient-service makes it a draft note, ADR 0019); the others are for live job
 * status.
 */
public final class ScribeJobEvents {

    public static final EventType<ScribeJobEventData> QUEUED = jobEvent("medi.ai.scribe-job.queued.v1");
    public static final EventType<ScribeJobEventData> RUNNING = jobEvent("medi.ai.scribe-job.running.v1");
    /** The draft was made and checked: {@code draft} and {@code noteId} are set. */
    public static final EventType<ScribeJobEventData> SUCCEEDED = jobEvent("medi.ai.scribe-job.succeeded.v1");
    public static final EventType<ScribeJobEventData> FAILED = jobEvent("medi.ai.scribe-job.failed.v1");
    public static final EventType<ScribeJobEventData> CANCELLED = jobEvent("medi.ai.scribe-job.cancelled.v1");

    /** Every scribe job event type, for a consumer's reader. */
    public static final List<EventType<?>> ALL = List.of(QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED);

    /** The event announcing that a job entered {@code state}. */
    public static EventType<ScribeJobEventData> forState(String state) {
        return switch (state) {
            case "queued" -> QUEUED;
            case "running" -> RUNNING;
            case "succeeded" -> SUCCEEDED;
            case "failed" -> FAILED;
            case "cancelled" -> CANCELLED;
            default -> throw new IllegalArgumentException("not a scribe job state: " + state);
        };
    }

    private static EventType<ScribeJobEventData> jobEvent(String type) {
        return EventType.of(Topics.AI_EVENTS, type, EventSources.AI_SERVICE, ScribeJobEventData.class,
                data -> data.jobId().toString());
    }

    private ScribeJobEvents() {
    }
}
