package dev.medi.platform.inbox;

import dev.medi.platform.events.EventType;
import dev.medi.platform.events.Topics;
import dev.medi.platform.inbox.TestEvents.Thing;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The consumer shape of {@link InboundEvents}, end to end: events appended to the outbox, published by the relay
 * to a real topic, consumed by {@link TestEventsConsumer}. Each case ends with a marker event of the same key (so
 * the same partition, read after the case's event) before it asserts what did not happen.
 */
@QuarkusTest
class InboundEventsTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.PATIENT_EVENTS);

    @Inject
    Outbox outbox;

    @Inject
    TestEventsConsumer consumer;

    @Inject
    DataSource dataSource;

    @Test
    void aDuplicateDeliveryIsAppliedOnce() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "once");
        UUID id = append(TestEvents.HAPPENED, thing);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.applied().contains(thing));
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(id) == 0);

        // the relay publishes the same event again (as after a crash between the broker's ack and the delete)
        insertRaw(id, TestEvents.HAPPENED, thing.id(), "{\"id\":\"" + thing.id() + "\",\"note\":\"once\"}");
        awaitMarker(thing.id());

        assertEquals(1, consumer.applied().stream().filter(thing::equals).count());
        assertEquals(1, consumer.attempts(id), "the handler is not called for the duplicate");
        assertEquals(1, inboxRows(id));
    }

    @Test
    void anEventOfAnUnknownTypeIsSkipped() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "not for this consumer");
        UUID id = append(TestEvents.UNKNOWN, thing);
        awaitMarker(thing.id());

        assertEquals(0, consumer.attempts(id), "the handler never saw it");
        assertEquals(0, inboxRows(id));
    }

    @Test
    void aFailingHandlerIsRetriedThenTheEventGoesToTheDeadLetterTopic() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "fail always");
        UUID id = append(TestEvents.HAPPENED, thing);

        ConsumerRecord<String, String> dead = TopicReader.awaitOne(DEAD_LETTERS, r -> thing.id().equals(r.key()));
        assertEquals(true, dead.value().contains(thing.id()));
        assertEquals(3, consumer.attempts(id), "medi.inbox.retry.max-attempts in this application");
        assertEquals(0, inboxRows(id), "each try rolled back its claim");
        assertFalse(consumer.applied().contains(thing));
    }

    @Test
    void anEventTheScreenDoesNotAdmitIsAcknowledgedWithoutATransaction() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "skip me");
        UUID id = append(TestEvents.HAPPENED, thing);
        awaitMarker(thing.id());

        assertEquals(0, consumer.attempts(id), "the handler never saw it");
        assertEquals(0, inboxRows(id), "no inbox row");
    }

    @Test
    void anEventTheScreenRejectsGoesToTheDeadLetterTopicAtOnce() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "unusable");
        UUID id = append(TestEvents.HAPPENED, thing);

        ConsumerRecord<String, String> dead = TopicReader.awaitOne(DEAD_LETTERS, r -> thing.id().equals(r.key()));
        assertEquals(id.toString(), TopicReader.header(dead, "ce_id"));
        assertEquals(0, consumer.attempts(id), "not retried: the handler never saw it");
        assertEquals(0, inboxRows(id));
    }

    @Test
    void aMalformedPayloadGoesToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        insertRaw(id, TestEvents.HAPPENED, key, "{\"id\": [\"not a thing\"");

        ConsumerRecord<String, String> dead = TopicReader.awaitOne(DEAD_LETTERS, r -> key.equals(r.key()));
        assertEquals(id.toString(), TopicReader.header(dead, "ce_id"));
        assertEquals(0, consumer.attempts(id), "the handler never saw it");
        assertEquals(0, inboxRows(id));
    }

    /** Publishes a marker of the same key and waits until the consumer applied it. */
    private void awaitMarker(String key) throws Throwable {
        Thing marker = new Thing(key, "marker " + UUID.randomUUID());
        append(TestEvents.HAPPENED, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.applied().contains(marker));
    }

    private UUID append(EventType<Thing> type, Thing thing) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.append(type, thing)));
    }

    /** An outbox row written as it is, e.g. with an id used before or data that is not the type's record. */
    private void insertRaw(UUID id, EventType<?> type, String key, String payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox (id, topic, partition_key, type, source, subject, payload, occurred_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, type.topic());
            insert.setString(3, key);
            insert.setString(4, type.type());
            insert.setString(5, type.source());
            insert.setString(6, key);
            insert.setString(7, payload);
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private long pending(UUID id) {
        return Databases.count(dataSource, "select count(*) from outbox where id = '" + id + "'");
    }

    private long inboxRows(UUID id) {
        return Databases.count(dataSource, "select count(*) from medi_inbox where event_id = '" + id + "'");
    }
}
