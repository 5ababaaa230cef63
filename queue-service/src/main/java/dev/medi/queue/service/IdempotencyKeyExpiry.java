package dev.medi.queue.service;

import dev.medi.queue.config.QueueConfig;
import dev.medi.queue.repository.IdempotencyKeyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Housekeeping: deletes check-in Idempotency-Keys older than {@code medi.queue.idempotency.retention}, every
 * {@code medi.queue.idempotency.expire-every}. Safe with several replicas: a second delete finds nothing.
 */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    private final IdempotencyKeyRepository keys;
    private final QueueConfig config;
    private final Clock clock = Clock.systemUTC();

    IdempotencyKeyExpiry(IdempotencyKeyRepository keys, QueueConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(every = "${medi.queue.idempotency.expire-every:15m}", delayed = "${medi.queue.idempotency.expire-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> expire() {
        return keys.forgetBefore(clock.instant().minus(config.idempotency().retention()))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.debugf("forgot %d expired Idempotency-Keys", deleted);
                    }
                })
                .replaceWithVoid();
    }
}
