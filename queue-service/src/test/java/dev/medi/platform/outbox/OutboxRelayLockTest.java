package dev.medi.platform.outbox;

import dev.medi.platform.testing.Databases;
import dev.medi.queue.QueueApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

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
    private static final String GENERAL = "0193a000-0000-7000-8000-000000000001";

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void whileAnotherReplicaDrainsNothingIsPublishedTwice() throws Exception {
        String entryId;
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement lock = otherReplica.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, DRAIN_LOCK);
                lock.execute();
            }
            entryId = QueueApi.checkIn(GENERAL, "relay lock test");
            assertEquals(0, relay.drainBatch().await().atMost(Duration.ofSeconds(10)), "the lock is held elsewhere");
            assertEquals(1, pending(entryId), "the event waits in the outbox");
            otherReplica.commit();
        }
        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(entryId) == 0);
    }

    private long pending(String entryId) {
        return Databases.count(dataSource, "select count(*) from outbox where subject = '" + entryId + "'");
    }
}
