package dev.medi.platform.inbox;

import dev.medi.platform.testing.Databases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims in the inbox, and the housekeeping that forgets them after {@code medi.inbox.retention} (7 days). */
@QuarkusTest
class InboxHousekeepingTest {

    private static final String CONSUMER = "housekeeping-test";

    @Inject
    Inbox inbox;

    @Inject
    InboxHousekeeping housekeeping;

    @Inject
    DataSource dataSource;

    @Test
    void anEventIsNewToAConsumerOnlyOnce() throws Throwable {
        String eventId = UUID.randomUUID().toString();
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.claim(CONSUMER, eventId))));
        assertFalse(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.claim(CONSUMER, eventId))));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> inbox.claim(CONSUMER + "-other", eventId))), "each consumer has its own inbox");
    }

    @Test
    void rowsOlderThanTheRetentionAreDeleted() throws Throwable {
        Instant now = Instant.now();
        String expired = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        insert(expired, now.minus(Duration.ofDays(7)).minusSeconds(1));
        insert(kept, now.minus(Duration.ofDays(7)).plusSeconds(60));

        int deleted = VertxContextSupport.subscribeAndAwait(() -> housekeeping.deleteExpired(now));

        assertTrue(deleted >= 1);
        assertEquals(0, rows(expired));
        assertEquals(1, rows(kept));
    }

    private void insert(String eventId, Instant processedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into medi_inbox (consumer, event_id, processed_at) values (?, ?, ?)")) {
            insert.setString(1, CONSUMER);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(processedAt));
            insert.executeUpdate();
        }
    }

    private long rows(String eventId) {
        return Databases.count(dataSource, "select count(*) from medi_inbox where event_id = '" + eventId + "'");
    }
}
