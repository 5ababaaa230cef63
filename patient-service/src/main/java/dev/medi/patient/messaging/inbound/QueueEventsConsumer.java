package dev.medi.patient.messaging.inbound;

import dev.medi.patient.service.QueueEventService;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code medi.queue.events.v1} (consumer group {@code patient-service}, at least once: the offset is
 * committed after the event's transaction) through the platform inbox ({@link InboundEvents}, consumer name: the
 * topic) and hands each event to {@link QueueEventService}. Events of unregistered arrivals are acknowledged
 * without a transaction; an event that cannot be read, or whose entry lacks its id, department or status, goes to
 * the dead-letter topic {@code medi.queue.events.v1.dlq} at once; one whose processing keeps failing (database
 * down) goes there after the inbox's retries, so neither blocks the partition. Nothing of the payload is logged.
 */
@ApplicationScoped
public class QueueEventsConsumer {

    private final InboundEvents inbound;
    private final QueueEventService service;

    QueueEventsConsumer(InboundEvents inbound, QueueEventService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @Incoming("queue-events")
    public Uni<Void> onEvent(Message<String> message) {
        return inbound.consume(message, QueueEvents.ALL, service::concerns, service::apply);
    }
}
