package dev.medi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes inbox rows older than {@code medi.inbox.retention}: by then no redelivery of their events is expected,
 * and the table stays as small as one retention's worth of events.
 */
@ApplicationScoped
public class InboxHousekeeping {

    private final InboxConfig config;
    private final Clock clock = Clock.systemUTC();

    InboxHousekeeping(InboxConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${medi.inbox.housekeeping-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return deleteExpired(clock.instant())
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.debugf("inbox: %d expired rows deleted", deleted);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("inbox housekeeping failed (%s)",
                        failure.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the rows processed before {@code now} minus the retention; returns how many. */
    public Uni<Integer> deleteExpired(Instant now) {
        Instant before = now.minus(config.retention());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from medi_inbox where processed_at < ?1")
                .setParameter(1, before)
                .executeUpdate()));
    }
}
