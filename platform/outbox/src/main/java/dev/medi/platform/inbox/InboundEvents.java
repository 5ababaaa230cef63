package dev.medi.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one shape of a Kafka consumer that changes a service's database. From its {@code @Incoming} method:
 * <pre>{@code
 * @Incoming("queue-events")
 * Uni<Void> onEvent(Message<String> message) {
 *     return inbound.consume(message, QueueEvents.ALL, event -> service.apply(event));
 * }
 * }</pre>
 * Per message: the CloudEvent is read into the record of the descriptor its {@code type} names (fields the record
 * does not know are ignored); a type that is not in {@code types} is acknowledged and skipped. Then, with a request
 * context and in one transaction, the event is claimed in the {@link Inbox} and the handler applies it; an event
 * claimed before (a redelivery) is acknowledged without calling the handler. A failing transaction is retried with
 * backoff ({@code medi.inbox.retry.*}); after the last try, and at once for an unreadable message (no CloudEvent id,
 * data that is not the type's record), the message is nacked: configure the channel with
 * {@code failure-strategy=dead-letter-queue} so it goes to the dead-letter topic instead of blocking the partition.
 * Only ids and types are logged, never the payload.
 */
@ApplicationScoped
public class InboundEvents {

    /** Applies one event inside the consumer's transaction; a failure rolls it back and is retried. */
    @FunctionalInterface
    public interface Handler extends Function<InboundEvent<?>, Uni<Void>> {
    }

    /**
     * Looks at an event before its transaction. Lets a consumer skip, without a transaction or an inbox row, the
     * events it has nothing to record for, and reject data its type's record can hold but the consumer cannot use.
     */
    @FunctionalInterface
    public interface Screen {
        /**
         * @return {@code true} to claim and apply the event; {@code false} to acknowledge it untouched
         * @throws UnreadableEvent for data the consumer cannot use: the message is nacked at once, not retried
         */
        boolean admits(InboundEvent<?> event);
    }

    /**
     * A message this consumer cannot read; retrying would not help. Thrown by the reader, or by a {@link Screen}.
     * The reason is logged: never put payload values in it.
     */
    public static final class UnreadableEvent extends RuntimeException {
        public UnreadableEvent(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Inbox inbox;
    private final InboxConfig config;
    /** A tolerant reader: fields a producer adds later must not turn every event into poison. */
    private final ObjectMapper json;
    private final Map<Collection<? extends EventType<?>>, Map<String, EventType<?>>> byType = new ConcurrentHashMap<>();

    InboundEvents(Inbox inbox, InboxConfig config, ObjectMapper json) {
        this.inbox = inbox;
        this.config = config;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Consumes {@code message} as the consumer named after its topic (the inbox's {@code consumer}); see the class
     * comment. Use {@link #consume(String, Message, Collection, Handler)} when two consumers of one service read the
     * same topic.
     *
     * @return completes when the message was acknowledged or nacked
     */
    @ActivateRequestContext
    public Uni<Void> consume(Message<String> message, Collection<? extends EventType<?>> types, Handler handler) {
        return consume(consumerOf(message), message, types, event -> true, handler);
    }

    /**
     * As {@link #consume(Message, Collection, Handler)}, applying only the events {@code screen} admits (see
     * {@link Screen}).
     */
    @ActivateRequestContext
    public Uni<Void> consume(Message<String> message, Collection<? extends EventType<?>> types, Screen screen,
                             Handler handler) {
        return consume(consumerOf(message), message, types, screen, handler);
    }

    /** As {@link #consume(Message, Collection, Handler)}, claiming events in the inbox as {@code consumer}. */
    @ActivateRequestContext
    public Uni<Void> consume(String consumer, Message<String> message, Collection<? extends EventType<?>> types,
                             Handler handler) {
        return consume(consumer, message, types, event -> true, handler);
    }

    /** As {@link #consume(Message, Collection, Screen, Handler)}, claiming events in the inbox as {@code consumer}. */
    @ActivateRequestContext // the handler writes with Panache: the context lasts until the returned Uni completes
    public Uni<Void> consume(String consumer, Message<String> message, Collection<? extends EventType<?>> types,
                             Screen screen, Handler handler) {
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        String id = cloudEvent == null ? null : cloudEvent.getId();
        InboundEvent<?> event;
        try {
            EventType<?> type = cloudEvent == null ? null : catalogue(types).get(cloudEvent.getType());
            if (cloudEvent != null && id != null && !id.isBlank() && type == null) {
                Log.debugf("event %s of type %s skipped by %s", id, cloudEvent.getType(), consumer);
                return Uni.createFrom().completionStage(message.ack());
            }
            event = read(cloudEvent, type, message.getPayload());
            if (!screen.admits(event)) {
                Log.debugf("event %s not for %s: acknowledged", id, consumer);
                return Uni.createFrom().completionStage(message.ack());
            }
        } catch (UnreadableEvent e) {
            Log.warnf("unreadable event %s nacked by %s (to the dead-letter topic): %s",
                    id == null ? "without id" : id, consumer, e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Uni<Boolean> applied = Panache.withTransaction(() -> inbox.claim(consumer, event.id())
                .call(fresh -> fresh ? handler.apply(event) : Uni.createFrom().voidItem()));
        int retries = config.retry().maxAttempts() - 1;
        if (retries > 0) {
            applied = applied.onFailure().retry()
                    .withBackOff(config.retry().backoff(), config.retry().maxBackoff()).atMost(retries);
        }
        return applied.onItemOrFailure().transformToUni((fresh, failure) -> {
            if (failure != null) {
                Log.errorf("event %s failed in %s after %d tries (%s): nacked (to the dead-letter topic)", event.id(),
                        consumer, retries + 1, failure.getClass().getSimpleName());
                return Uni.createFrom().completionStage(message.nack(failure));
            }
            Log.debugf("event %s %s by %s", event.id(), fresh ? "applied" : "was a duplicate", consumer);
            return Uni.createFrom().completionStage(message.ack());
        });
    }

    private static String consumerOf(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("events");
    }

    private Map<String, EventType<?>> catalogue(Collection<? extends EventType<?>> types) {
        return byType.computeIfAbsent(types, all -> {
            Map<String, EventType<?>> index = new ConcurrentHashMap<>();
            all.forEach(type -> index.put(type.type(), type));
            return index;
        });
    }

    private <T> InboundEvent<T> read(IncomingCloudEventMetadata<?> cloudEvent, EventType<T> type, String payload) {
        if (cloudEvent == null || cloudEvent.getId() == null || cloudEvent.getId().isBlank()) {
            throw new UnreadableEvent("not a CloudEvent");
        }
        if (payload == null) {
            throw new UnreadableEvent("no data");
        }
        T data;
        try {
            data = json.readValue(payload, type.dataType());
        } catch (Exception e) {
            throw new UnreadableEvent("data is not a " + type + " (" + e.getClass().getSimpleName() + ")");
        }
        if (data == null) {
            throw new UnreadableEvent("no data");
        }
        Instant time = cloudEvent.getTimeStamp().map(at -> at.toInstant()).orElse(null);
        return new InboundEvent<>(cloudEvent.getId(), type, time, data);
    }
}
