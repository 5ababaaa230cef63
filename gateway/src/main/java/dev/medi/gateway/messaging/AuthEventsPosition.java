package dev.medi.gateway.messaging;

import dev.medi.gateway.config.GatewayConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the auth-event consumer {@code revocation-memory} back in time, so that a replica that just started
 * knows the sessions revoked and users disabled whose tokens may still be unexpired, and refuses them on new
 * streams. The gateway is ready once that position is fixed: from then on no revocation is missed.
 */
@ApplicationScoped
@Identifier("auth-events-position")
@Readiness
public class AuthEventsPosition implements KafkaConsumerRebalanceListener, HealthCheck {

    private final Duration lookBack;
    private final AtomicBoolean positioned = new AtomicBoolean();

    AuthEventsPosition(GatewayConfig config) {
        this.lookBack = config.fanout().revocationMemory();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long since = Instant.now().minus(lookBack).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition)); // nothing that recent
            } else {
                consumer.seek(partition, offset.offset());
            }
            consumer.position(partition); // resolves the position now, not at the first fetch
        }
        positioned.set(!partitions.isEmpty());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        positioned.set(false);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Auth event listener").status(positioned.get()).build();
    }
}
