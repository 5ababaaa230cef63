package dev.medi.platform.outbox;

import dev.medi.platform.inbox.TestEvents;
import dev.medi.platform.inbox.TestEvents.Thing;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The outbox wakes its relay itself when the appending transaction commits: nobody calls the relay, and the poll
 * is 30 s in this application (application.properties), so an event that arrives within seconds was woken by
 * its commit's NOTIFY.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void relayListens() {
        // the poll and the drain at startup are over before the first test: what follows is woken by commits
        await().atMost(Duration.ofSeconds(20)).until(relay::isListening);
        await().atMost(Duration.ofSeconds(20)).until(() -> Databases.count(dataSource, "select count(*) from outbox") == 0);
    }

    @Test
    void anAppendedEventIsPublishedAtCommitWithoutAWakeCall() throws Throwable {
        Thing thing = new Thing(UUID.randomUUID().toString(), "woken by its commit");
        UUID id = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(TestEvents.HAPPENED, thing)));

        // far sooner than the 30 s poll
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(id) == 0);
        ConsumerRecord<String, String> record = TopicReader.awaitOne(TestEvents.HAPPENED.topic(),
                r -> id.toString().equals(TopicReader.header(r, "ce_id")));
        assertEquals(thing.id(), record.key());
        assertEquals(TestEvents.HAPPENED.type(), TopicReader.header(record, "ce_type"));
    }

    @Test
    void aRolledBackAppendPublishesNothing() throws Throwable {
        String key = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(TestEvents.HAPPENED, new Thing(key, "rolled back"))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change fails"))))));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(TestEvents.HAPPENED, new Thing(key, "committed"))));

        // same key, same partition: the rolled-back event would come first
        List<ConsumerRecord<String, String>> records = TopicReader.awaitRecords(TestEvents.HAPPENED.topic(),
                r -> key.equals(r.key()), 1);
        assertEquals(1, records.size());
        assertEquals(true, records.get(0).value().contains("\"committed\""), records.get(0).value());
        assertEquals(0, Databases.count(dataSource, "select count(*) from outbox where partition_key = '" + key + "'"));
    }

    @Test
    void theRelayListensAgainAfterItsConnectionDrops() throws Throwable {
        long before = listeners();
        assertEquals(1, before, "one LISTEN connection");
        // as a database restart or a network cut would end it
        assertEquals(1, Databases.count(dataSource, "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where query = 'listen " + OutboxRelay.CHANNEL + "'"));
        await().atMost(Duration.ofSeconds(20)).until(() -> relay.isListening() && listeners() == 1);

        Thing thing = new Thing(UUID.randomUUID().toString(), "woken through the new connection");
        UUID id = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> outbox.append(TestEvents.HAPPENED, thing)));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(id) == 0);
    }

    /** Server sessions that LISTEN for the relay (their last statement was the LISTEN). */
    private long listeners() {
        return Databases.count(dataSource, "select count(*) from pg_stat_activity where query = 'listen "
                + OutboxRelay.CHANNEL + "' and state = 'idle'");
    }

    private long pending(UUID id) {
        return Databases.count(dataSource, "select count(*) from outbox where id = '" + id + "'");
    }
}
