package dev.medi.patient.messaging.inbound;

import dev.medi.patient.service.AiDraftNoteService;
import dev.medi.platform.events.ScribeJobEvents;
import dev.medi.platform.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code medi.ai.events.v1} (consumer group {@code patient-service}, at least once: the offset is committed
 * after the event's transaction) through the platform inbox ({@link InboundEvents}) and hands each succeeded scribe
 * job to {@link AiDraftNoteService}, which makes its draft a draft note (ADR 0019). Other job states are acknowledged
 * without a transaction; an unreadable event goes to {@code medi.ai.events.v1.dlq} at once, one whose processing keeps
 * failing after the inbox's retries. The payload holds clinical text: nothing of it is logged.
 */
@ApplicationScoped
public class AiEventsConsumer {

    private final InboundEvents inbound;
    private final AiDraftNoteService service;

    AiEventsConsumer(InboundEvents inbound, AiDraftNoteService service) {
        this.inbound = inbound;
        this.service = service;
    }

    @Incoming("ai-events")
    public Uni<Void> onEvent(Message<String> message) {
        return inbound.consume(message, ScribeJobEvents.ALL, service::concerns, service::apply);
    }
}
