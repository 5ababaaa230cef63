package dev.medi.gateway.websocket;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class QueueWebSocketTest {

    private static final String GENERAL = "0193a000-0000-7000-8000-000000000001";

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    BasicWebSocketConnector connector;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void gatewayIsReady() {
        // Ready = the fan-out consumer is positioned: events from now on reach the clients.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void aSubscribedClientReceivesItsDepartmentsEventsOnly() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connectWithSubprotocolToken(TestTokens.forRoles("nurse"), frames);
        try {
            assertEquals("welcome", next(frames).getString("type"));
            connection.sendTextAndAwait(new JsonObject().put("type", "subscribe").put("departments", java.util.List.of(GENERAL)).encode());
            assertEquals("subscribed", next(frames).getString("type"));

            String otherEntry = UUID.randomUUID().toString();
            String entryId = UUID.randomUUID().toString();
            publish(UUID.randomUUID().toString(), otherEntry, 1);
            publish(GENERAL, entryId, 7);

            JsonObject frame = next(frames);
            assertEquals("queue-event", frame.getString("type"));
            assertEquals("medi.queue.entry.checked-in.v1", frame.getString("eventType"));
            assertEquals(GENERAL, frame.getString("departmentId"));
            assertEquals(7, frame.getLong("sequence"));
            assertEquals(entryId, frame.getJsonObject("entry").getString("id"));
            assertNotNull(frame.getString("eventId"));
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void aClientCannotFollowAnotherDepartment() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connectWithSubprotocolToken(TestTokens.forRoles("nurse"), frames);
        try {
            next(frames);
            connection.sendTextAndAwait(new JsonObject().put("type", "subscribe")
                    .put("departments", java.util.List.of(UUID.randomUUID().toString())).encode());
            assertEquals("error", next(frames).getString("type"));
            connection.sendTextAndAwait("{not json");
            assertEquals("error", next(frames).getString("type"));
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void anUpgradeWithoutAValidTokenIsRejected() {
        assertThrows(RuntimeException.class, () -> connector.baseUri(baseUri).path("/ws/queue").connectAndAwait());
        assertThrows(RuntimeException.class, () -> connectWithSubprotocolToken("forged.token.value", new LinkedBlockingQueue<>()));
    }

    /** As a browser does it: the token rides in the Sec-WebSocket-Protocol header, URI-encoded. */
    private WebSocketClientConnection connectWithSubprotocolToken(String token, BlockingQueue<String> frames) {
        return connector.baseUri(baseUri).path("/ws/queue")
                .addSubprotocol("bearer-token-carrier")
                .addSubprotocol("quarkus-http-upgrade#Authorization#Bearer%20" + token)
                .onTextMessage((c, message) -> frames.add(message))
                .connectAndAwait();
    }

    private static JsonObject next(BlockingQueue<String> frames) throws InterruptedException {
        String frame = frames.poll(15, TimeUnit.SECONDS);
        assertNotNull(frame, "no frame within 15 s");
        return new JsonObject(frame);
    }

    private void publish(String departmentId, String entryId, long sequence) throws Exception {
        String data = new JsonObject().put("departmentId", departmentId).put("sequence", sequence)
                .put("entry", new JsonObject().put("id", entryId).put("departmentId", departmentId)
                        .put("status", "ARRIVED").put("arrivedAt", Instant.now().toString()).put("version", 0))
                .encode();
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.QUEUE_EVENTS, departmentId, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "medi.queue.entry.checked-in.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/medi/queue-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        }
    }
}
