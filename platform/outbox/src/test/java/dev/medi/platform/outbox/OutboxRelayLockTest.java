package dev.medi.platform.outbox;

import dev.medi.platform.inbox.TestEvents;
import dev.medi.platform.inbox.TestEvents.Thing;
import dev.medi.platform.testing.Databases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay's drain lock (taken in the same statement that reads the rows): while another session holds it, no
 * drain of this replica publishes anything; once it is released the waiting event goes out.
 */
@QuarkusTest
class OutboxRelayLockTest {

    /** OutboxRelay.DRAIN_LOCK, as another replica would take it. */
    private static final long DRAIN_LOCK = 0x6d6564692d6f7574L;

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void whileAnotherReplicaDrainsNothingIsPublishedTwice() throws Throwable {
        UUID id;
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, DRAIN_LOCK);
                lock.execute();
            }
            // its commit wakes the relay, whose drain finds the lock taken
            id = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.append(TestEvents.HAPPENED, new Thing(UUID.randomUUID().toString(), "relay lock test"))));
            assertEquals(0, relay.drainBatch().await().atMost(Duration.ofSeconds(10)), "the lock is held elsewhere");
            assertEquals(1, pending(id), "the event waits in the outbox");
            otherReplica.commit();
        }
        // the other replica's drain would publish it now; this test stands in for it
        relay.requestDrain();
        UUID published = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(published) == 0);
    }

    private long pending(UUID id) {
        return Databases.count(dataSource, "select count(*) from outbox where id = '" + id + "'");
    }
}
