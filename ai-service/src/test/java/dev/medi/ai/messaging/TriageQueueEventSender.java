package dev.medi.ai.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueStatuses;
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
final class TriageQueueEventSender implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong(1);

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    TriageQueueEventSender(ObjectMapper json) {
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** A walk-in's entry as a check-in or triage event carries it. */
    static QueueEntrySnapshot entry(UUID id, UUID department, String status, String complaint, Integer esiLevel) {
        Instant arrived = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        return new QueueEntrySnapshot(id, department, "EMR-" + (100 + SEQUENCE.get() % 900), null, "Walk-in Person",
                status, complaint, arrived, esiLevel, esiLevel == null ? 3 : esiLevel, arrived.plus(60, ChronoUnit.MINUTES),
                null, null, null, null, null, SEQUENCE.get());
    }

    static QueueEntrySnapshot arrived(UUID id, UUID department, String complaint) {
        return entry(id, department, QueueStatuses.ARRIVED, complaint, null);
    }

    /** The nurse's triage: engine level 3, final level {@code finalLevel}. */
    static QueueTriageData triage(int finalLevel, Instant at) {
        return new QueueTriageData(UUID.randomUUID(), "nurse.triage", at, 96, 18, 97, 128, 82,
                new BigDecimal("37.2"), 4, "ALERT", 3, "C_MANY_RESOURCES", finalLevel);
    }

    /** Sends one event and waits for the broker's acknowledgement; returns its CloudEvent id. */
    String send(String type, QueueEntrySnapshot entry, QueueTriageData triage) {
        return send(UUID.randomUUID().toString(), type, entry, triage);
    }

    String send(String id, String type, QueueEntrySnapshot entry, QueueTriageData triage) {
        try {
            return sendRaw(id, type, entry.departmentId(), json.writeValueAsString(
                    new QueueEventData(entry.departmentId(), SEQUENCE.getAndIncrement(), entry, triage, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String sendRaw(String id, String type, UUID departmentId, String data) {
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
