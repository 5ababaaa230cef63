package dev.medi.queue.messaging;

import dev.medi.queue.service.KnownPatients;
import dev.medi.platform.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes patient-service's record events ({@code medi.patient.events.v1}, consumer group {@code queue-service})
 * through the platform inbox into the projection of patients a check-in may name ({@link KnownPatients}, ADR 0016).
 * Encounter, observation and note events are skipped unread; unreadable or repeatedly failing ones go to the
 * dead-letter topic. Nothing of the payload is logged.
 */
@ApplicationScoped
public class PatientEventsConsumer {

    private final InboundEvents inbound;
    private final KnownPatients known;

    PatientEventsConsumer(InboundEvents inbound, KnownPatients known) {
        this.inbound = inbound;
        this.known = known;
    }

    @Incoming("patient-events")
    public Uni<Void> onEvent(Message<String> message) {
        return inbound.consume(message, KnownPatients.RECORD_EVENTS, known::apply);
    }
}
