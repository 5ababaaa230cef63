package dev.medi.gateway.messaging;

import dev.medi.gateway.service.BoardProjection;
import dev.medi.gateway.service.QueueEvent;
import dev.medi.gateway.service.QueueFanOut;
import dev.medi.gateway.service.QueueFrames;
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

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Turns each event of {@code medi.queue.events.v1} into frames for its department's clients: the full
 * event for staff, the ticket line for public boards. Hands them to the fan-out without waiting on any
 * client, so one slow client cannot hold this consumer (and every other client) back.
 */
@Startup // its lag timer exists from the start, not from the first event
@ApplicationScoped
public class QueueEventsConsumer {

    private final QueueFanOut fanOut;
    private final Timer lag;

    QueueEventsConsumer(QueueFanOut fanOut, MeterRegistry registry) {
        this.fanOut = fanOut;
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
            UUID departmentId = UUID.fromString(kafka.getKey().toString());
            JsonObject data = new JsonObject(message.getPayload());
            if (!(data.getValue("sequence") instanceof Number sequence) || sequence.longValue() < 1) {
                // Without its sequence number an event cannot be ordered after a snapshot.
                Log.warnf("queue event %s without a sequence number skipped", cloudEvent.getId());
                return message.ack();
            }
            Instant time = cloudEvent.getTimeStamp().map(at -> at.toInstant()).orElse(null);
            if (time != null) {
                lag.record(Duration.between(time, Instant.now()));
            }
            JsonObject entry = data.getValue("entry") instanceof JsonObject value ? value : null;
            fanOut.deliver(new QueueEvent(departmentId, sequence.longValue(),
                    QueueFrames.queueEvent(departmentId, sequence.longValue(), data, cloudEvent.getId(), cloudEvent.getType(), time),
                    BoardProjection.ticket(departmentId, sequence.longValue(), entry)));
        } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
            // Poison message: nothing a browser could use. Logged by id only, never by content.
            Log.warnf("unreadable queue event %s skipped (%s)", cloudEvent == null ? "?" : cloudEvent.getId(),
                    e.getClass().getSimpleName());
        }
        return message.ack();
    }
}
