package dev.medi.queue;

import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.Topics;
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
import java.util.concurrent.ExecutionException;

/** Publishes patient-service's record events as its outbox relay does (CloudEvents binary mode, key = patient). */
public final class PatientEventSender {

    private PatientEventSender() {
    }

    /** Sends one record event of {@code type} and waits for the broker's acknowledgement. */
    public static void send(String type, UUID patientId, String status, long version) {
        JsonObject data = new JsonObject().put("patientId", patientId.toString()).put("mrn", "MRN-" + version)
                .put("status", status).put("version", version).put("changedFields", new JsonArray())
                .put("duplicateOverride", false).put("possibleDuplicates", new JsonArray());
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PATIENT_EVENTS, patientId.toString(),
                data.encode());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", EventSources.PATIENT_SERVICE);
        header(record, "ce_subject", patientId.toString());
        header(record, "ce_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        header(record, "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"))) {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
