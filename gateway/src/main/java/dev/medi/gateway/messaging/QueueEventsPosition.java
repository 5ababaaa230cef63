package dev.medi.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway is ready only once its queue-event consumer owns its partitions and has fixed its position
 * at their end: from then on, every event committed reaches the connected browsers. Without this, an
 * event published while the consumer was still joining would be skipped by {@code auto.offset.reset=latest}.
 */
@ApplicationScoped
@Identifier("queue-events-position")
@Readiness
public class QueueEventsPosition implements KafkaConsumerRebalanceListener, HealthCheck {

    private final AtomicBoolean positioned = new AtomicBoolean();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end offsets now, not at the first fetch
        positioned.set(!partitions.isEmpty());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        positioned.set(false);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Queue event fan-out").status(positioned.get()).build();
    }
}
