package dev.medi.gateway.messaging;

import dev.medi.gateway.fanout.BoardProjection;
import dev.medi.gateway.fanout.QueueEvent;
import dev.medi.gateway.fanout.QueueFanOut;
import dev.medi.gateway.fanout.QueueFrames;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.QueueEventData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Turns each event of {@code medi.queue.events.v1} into frames for its department's clients: the full
 * event for staff, the ticket line for public boards. Hands them to the fan-out without waiting on any
 * client, so one slow client cannot hold this consumer (and every other client) back. Events are read through
 * the catalogue ({@link QueueEventReader}): an unknown type is skipped, unknown fields are ignored (and passed on
 * to staff as they came: the staff frame carries the event data as queue-service wrote it).
 */
@Startup // its lag timer exists from the start, not from the first event
@ApplicationScoped
public class QueueEventsConsumer {

    private final QueueFanOut fanOut;
    private final QueueEventReader reader;
    private final Timer lag;

    QueueEventsConsumer(QueueFanOut fanOut, QueueEventReader reader, MeterRegistry registry) {
        this.fanOut = fanOut;
        this.reader = reader;
        this.lag = Timer.builder("medi.fanout.lag").description("Time from the event's occurrence to its fan-out")
                .publishPercentileHistogram().register(registry);
    }

    @Incoming("queue-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        try {
            if (kafka == null || cloudEvent == null || kafka.getKey() == null) {
                Log.warnf("queue event without CloudEvent headers or key skipped");
                return message.ack();
            }
            EventType<QueueEventData> type = reader.typeOf(cloudEvent.getType());
            if (type == null) {
                // A type from a newer queue-service: clients would not know what it means.
                Log.debugf("queue event %s of unknown type %s skipped", cloudEvent.getId(), cloudEvent.getType());
                return message.ack();
            }
            UUID departmentId = UUID.fromString(kafka.getKey().toString());
            QueueEventData event = reader.read(type, message.getPayload());
            if (event == null || event.sequence() < 1) {
                // Without its sequence number an event cannot be ordered after a snapshot.
                Log.warnf("queue event %s without a sequence number skipped", cloudEvent.getId());
                return message.ack();
            }
            long sequence = event.sequence();
            Instant time = cloudEvent.getTimeStamp().map(at -> at.toInstant()).orElse(null);
            if (time != null) {
                lag.record(Duration.between(time, Instant.now()));
            }
            fanOut.deliver(new QueueEvent(departmentId, sequence,
                    QueueFrames.queueEvent(departmentId, sequence, new JsonObject(message.getPayload()), cloudEvent.getId(),
                            cloudEvent.getType(), time),
                    BoardProjection.ticket(departmentId, sequence, event.entry())));
        } catch (IOException | DecodeException | IllegalArgumentException | ClassCastException e) {
            // Poison message: nothing a browser could use. Logged by id only, never by content.
            Log.warnf("unreadable queue event %s skipped (%s)", cloudEvent == null ? "?" : cloudEvent.getId(),
                    e.getClass().getSimpleName());
        }
        return message.ack();
    }
}
