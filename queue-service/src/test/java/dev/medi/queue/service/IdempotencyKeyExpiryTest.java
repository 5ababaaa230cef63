package dev.medi.queue.service;

import dev.medi.platform.testing.Databases;
import dev.medi.queue.QueueApi;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The housekeeping job forgets keys past their retention (24 h) and only those; a forgotten key can be used again. */
@QuarkusTest
class IdempotencyKeyExpiryTest {

    @Inject
    DataSource dataSource;

    @Test
    void aKeyPastItsRetentionIsForgottenAndMayBeUsedAgain() throws SQLException {
        String expired = "expiry-" + UUID.randomUUID();
        String recent = "expiry-" + UUID.randomUUID();
        checkIn(expired, "cough", 201);
        checkIn(recent, "cough", 201);
        checkIn(expired, "a different complaint", 422);

        age(expired, Duration.ofHours(25));

        await().atMost(Duration.ofSeconds(20)).until(() -> keys(expired) == 0);
        assertEquals(1, keys(recent), "a key within its retention is kept");
        checkIn(expired, "a different complaint", 201);
        checkIn(recent, "a different complaint", 422);
    }

    private static void checkIn(String key, String complaint, int status) {
        QueueApi.as("receptionist").header("Idempotency-Key", key).body(QueueApi.arrival(complaint))
                .post("/api/v1/queues/{dept}/check-ins", QueueApi.GENERAL).then().statusCode(status);
    }

    private void age(String key, Duration by) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update idempotency_keys set created_at = created_at - make_interval(secs => ?) where key = ?")) {
            update.setLong(1, by.toSeconds());
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private long keys(String key) {
        return Databases.count(dataSource, "select count(*) from idempotency_keys where key = '" + key + "'");
    }
}
