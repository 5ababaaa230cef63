package dev.medi.gateway.messaging;

import dev.medi.gateway.service.QueueFanOut;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
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

/** Turns each event of {@code medi.queue.events.v1} into a WebSocket frame for its department's subscribers. */
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
            JsonObject frame = new JsonObject(message.getPayload())
                    .put("type", "queue-event")
                    .put("eventId", cloudEvent.getId())
                    .put("eventType", cloudEvent.getType());
            cloudEvent.getTimeStamp().ifPresent(time -> {
                frame.put("time", time.toInstant().toString());
                lag.record(Duration.between(time.toInstant(), Instant.now()));
            });
            fanOut.deliver(departmentId, frame.encode());
        } catch (DecodeException | IllegalArgumentException e) {
            // Poison message: nothing a browser could use. Logged by id only, never by content.
            Log.warnf("unreadable queue event %s skipped (%s)", cloudEvent == null ? "?" : cloudEvent.getId(),
                    e.getClass().getSimpleName());
        }
        return message.ack();
    }
}
