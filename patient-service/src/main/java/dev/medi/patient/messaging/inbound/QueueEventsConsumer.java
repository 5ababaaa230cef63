package dev.medi.patient.messaging.inbound;

import dev.medi.patient.service.QueueEventService;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.events.QueueEventData;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.time.Instant;

/**
 * Consumes {@code medi.queue.events.v1} (consumer group {@code patient-service}, at least once: the offset is
 * committed after the event's transaction) and hands each event to {@link QueueEventService}, which is
 * idempotent by CloudEvent id. An event that cannot be read (no CloudEvent id, not the platform's queue event
 * data) is logged by id and sent to the dead-letter topic {@code medi.queue.events.v1.dlq} at once; one whose
 * processing keeps failing (database down) after eight retries with backoff (about half a minute) goes there
 * too, so neither blocks the partition. Nothing of the payload is logged.
 */
@ApplicationScoped
public class QueueEventsConsumer {

    private final QueueEventService service;
    /** A tolerant reader: fields added to the queue events later must not turn every event into poison. */
    private final ObjectMapper json;

    QueueEventsConsumer(QueueEventService service, ObjectMapper json) {
        this.service = service;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** An event this consumer cannot use; retrying would not help. */
    static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String reason) {
            super(reason, null, false, false);
        }
    }

    @Incoming("queue-events")
    @ActivateRequestContext // the handler writes with Panache: it needs a request context and its own transaction
    public Uni<Void> onEvent(Message<String> message) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        String id = cloudEvent == null ? null : cloudEvent.getId();
        QueueEventData data;
        try {
            data = read(cloudEvent, message.getPayload());
        } catch (UnreadableEvent e) {
            Log.warnf("unreadable queue event %s sent to the dead-letter topic: %s", id == null ? "without id" : id,
                    e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Instant time = cloudEvent.getTimeStamp().map(at -> at.toInstant()).orElse(null);
        return service.apply(id, cloudEvent.getType(), time, data)
                // a database restart should not send events to the dead-letter topic: about half a minute of retries
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).atMost(8)
                .onItemOrFailure().transformToUni((result, failure) -> {
                    if (failure != null) {
                        Log.errorf("queue event %s failed (%s) and went to the dead-letter topic", id,
                                failure.getClass().getSimpleName());
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    Log.debugf("queue event %s: %s", id, result);
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private QueueEventData read(IncomingCloudEventMetadata<?> cloudEvent, String payload) {
        if (cloudEvent == null || cloudEvent.getId() == null || cloudEvent.getId().isBlank()) {
            throw new UnreadableEvent("not a CloudEvent");
        }
        if (payload == null) {
            throw new UnreadableEvent("no data");
        }
        QueueEventData data;
        try {
            data = json.readValue(payload, QueueEventData.class);
        } catch (Exception e) {
            throw new UnreadableEvent("data is not a queue event (" + e.getClass().getSimpleName() + ")");
        }
        if (data == null || data.entry() == null || data.entry().id() == null || data.entry().departmentId() == null
                || data.entry().status() == null) {
            throw new UnreadableEvent("queue entry, its id, department or status missing");
        }
        if (data.triage() != null && data.triage().assessedAt() == null) {
            throw new UnreadableEvent("triage without its time");
        }
        return data;
    }
}
