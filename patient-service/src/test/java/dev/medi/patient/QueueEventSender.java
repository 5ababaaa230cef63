package dev.medi.patient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventActor;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.platform.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes queue events as queue-service's outbox relay does: CloudEvents 1.0 in binary mode ({@code ce_*}
 * headers), JSON data of the platform's {@link QueueEventData}, key = department id, on the real topic.
 */
public final class QueueEventSender implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong(1);
    /** Entry versions: each snapshot is newer than every one made before it, as queue-service's versions grow. */
    private static final AtomicLong VERSION = new AtomicLong(1);

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    public QueueEventSender(ObjectMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** A queue entry of a patient (or {@code null}: an unregistered arrival) in a department. */
    public record Entry(UUID id, UUID departmentId, UUID patientId, String complaint) {

        public static Entry of(UUID departmentId, String patientId) {
            return new Entry(UUID.randomUUID(), departmentId, patientId == null ? null : UUID.fromString(patientId),
                    "chest pain since this morning");
        }

        public QueueEntrySnapshot snapshot(String status, UUID calledBy, String room) {
            Instant arrived = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
            return new QueueEntrySnapshot(id, departmentId, "GEN-" + (100 + SEQUENCE.get() % 900), patientId,
                    patientId == null ? "Walk-in Person" : null, status, complaint, arrived, 3, 3,
                    arrived.plus(60, ChronoUnit.MINUTES), null, calledBy, room, null, null, VERSION.getAndIncrement());
        }
    }

    /** Vital signs as a nurse enters them at triage (adult, mostly normal, tachycardic, confused). */
    public static QueueTriageData triage(Instant at) {
        return new QueueTriageData(UUID.randomUUID(), "nurse.triage", at, 118, 18, 97, 128, 82,
                new BigDecimal("37.2"), 4, "ALERT", 3, "C_RESOURCES", 3);
    }

    /** Sends one event and waits for the broker's acknowledgement; returns its CloudEvent id. */
    public String send(String type, QueueEntrySnapshot entry, QueueTriageData triage) {
        return send(UUID.randomUUID().toString(), type, entry, triage);
    }

    /** As {@link #send(String, QueueEntrySnapshot, QueueTriageData)} with a chosen CloudEvent id (to redeliver). */
    public String send(String id, String type, QueueEntrySnapshot entry, QueueTriageData triage) {
        return send(id, type, entry, triage, null);
    }

    /** An event naming the user whose request made the change, as queue-service sends it. */
    public String sendAs(QueueEventActor actor, String type, QueueEntrySnapshot entry) {
        return send(UUID.randomUUID().toString(), type, entry, null, actor);
    }

    private String send(String id, String type, QueueEntrySnapshot entry, QueueTriageData triage, QueueEventActor actor) {
        try {
            return sendRaw(id, type, entry.departmentId(), json.writeValueAsString(
                    new QueueEventData(entry.departmentId(), SEQUENCE.getAndIncrement(), entry, triage, actor)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code data} as it is, with CloudEvent headers (for unreadable events). */
    public String sendRaw(String id, String type, UUID departmentId, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.QUEUE_EVENTS, departmentId.toString(), data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", EventSources.QUEUE_SERVICE);
        header(record, "ce_subject", departmentId.toString());
        header(record, "ce_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
