package dev.medi.gateway.support;

import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes queue events to the real topic exactly as queue-service's outbox relay does: CloudEvents binary mode, key = department. */
public final class QueueEventsProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000));

    /** The user every event names as its actor, as queue-service sends it: staff data, never on a public board. */
    public static final String ACTOR_ID = UUID.randomUUID().toString();
    public static final String ACTOR_NAME = "desk.example";

    /** An entry as queue-service would send it, personal and clinical fields included. */
    public static JsonObject entry(UUID departmentId, String ticket, String status, String room) {
        Instant arrived = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JsonObject()
                .put("id", UUID.randomUUID().toString())
                .put("departmentId", departmentId.toString())
                .put("ticket", ticket)
                .put("patientId", UUID.randomUUID().toString())
                .put("arrivalName", "Jane Example")
                .put("status", status)
                .put("chiefComplaint", "crushing chest pain since this morning")
                .put("arrivedAt", arrived.toString())
                .put("esiLevel", 2)
                .put("priority", 2)
                .put("slaDueAt", arrived.plusSeconds(600).toString())
                .put("slaBreachedAt", null)
                .put("calledBy", room == null ? null : UUID.randomUUID().toString())
                .put("room", room)
                .put("transferredTo", null)
                .put("transferredFrom", null)
                .put("version", 1);
    }

    /** A checked-in entry of the department at {@code sequence}, checked against the published schema. */
    public void publish(UUID departmentId, long sequence) {
        publish(departmentId, sequence, entry(departmentId, "GEN-" + String.format("%03d", sequence), "ARRIVED", null));
    }

    public void publish(UUID departmentId, long sequence, JsonObject entry) {
        String data = data(departmentId, sequence, entry).encode();
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, data);
        send(departmentId, data);
    }

    /** Outside the contract on purpose (e.g. an oversized entry): not checked against the schema. */
    public void publishUnchecked(UUID departmentId, long sequence, JsonObject entry) {
        send(departmentId, data(departmentId, sequence, entry).encode());
    }

    /** An event of another CloudEvent type (e.g. one this gateway does not know yet), not checked against the schema. */
    public void publishAs(String type, UUID departmentId, long sequence, JsonObject entry) {
        send(departmentId, data(departmentId, sequence, entry).encode(), type);
    }

    private static JsonObject data(UUID departmentId, long sequence, JsonObject entry) {
        return new JsonObject().put("departmentId", departmentId.toString()).put("sequence", sequence).put("entry", entry)
                .put("actor", new JsonObject().put("id", ACTOR_ID).put("name", ACTOR_NAME)
                        .put("roles", new JsonArray().add("receptionist")));
    }

    private void send(UUID departmentId, String data) {
        send(departmentId, data, QueueEvents.CHECKED_IN.type());
    }

    private void send(UUID departmentId, String data, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.QUEUE_EVENTS, departmentId.toString(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/medi/queue-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a queue event", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
