package dev.medi.ai.messaging;

import dev.medi.ai.repository.PatientSummaryRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code medi.patient.events.v1}: any event of a patient's record (keyed by the patient id: notes, vital signs,
 * encounters, documents, the record itself) makes their summary stale. Idempotent — marking twice is harmless — so
 * at-least-once delivery needs no inbox. Nothing of the payload is read or logged.
 */
@ApplicationScoped
public class PatientRecordEventsConsumer {

    private final PatientSummaryRepository summaries;

    PatientRecordEventsConsumer(PatientSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @Incoming("patient-events")
    public Uni<Void> onEvent(Message<String> message) {
        Optional<UUID> patient = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> metadata.getKey() instanceof String key ? key : null)
                .flatMap(PatientRecordEventsConsumer::uuid);
        Uni<Void> marked = patient.map(summaries::markStale).orElseGet(Uni.createFrom()::voidItem);
        return marked.onItemOrFailure().transformToUni((ok, failure) -> Uni.createFrom()
                .completionStage(failure == null ? message.ack() : message.nack(failure)));
    }

    private static Optional<UUID> uuid(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a patient's event
        }
    }
}
