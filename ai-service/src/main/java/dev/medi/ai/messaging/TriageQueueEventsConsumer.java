package dev.medi.ai.messaging;

import dev.medi.ai.service.TriageSuggestionService;
import dev.medi.ai.triage.TriageComplaints;
import dev.medi.platform.events.QueueEntrySnapshot;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueTriageData;
import dev.medi.platform.inbox.InboundEvent;
import dev.medi.platform.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;

/**
 * The triage assistant's reader of {@code medi.queue.events.v1} (channel {@code triage-queue-events}, consumer
 * group {@code ai-service.triage}, at least once through the platform inbox as consumer {@value #CONSUMER}: its own
 * group and inbox name, so that another ai-service reader of the same topic gets every event too):
 * <ul>
 *   <li>a check-in with a chief complaint → a suggestion for the entry, stored (once per entry);</li>
 *   <li>a triage → the nurse's final level joined with the entry's latest suggestion (agreement, under-triage,
 *       over-triage).</li>
 * </ul>
 * Every other event, and a check-in without a complaint, is acknowledged without a transaction. An event whose
 * entry lacks its id or department, or a triage without its level or time, goes to the dead-letter topic at once.
 * Nothing of the payload is logged.
 */
@ApplicationScoped
public class TriageQueueEventsConsumer {

    /** Name of this consumer in the inbox ({@code medi_inbox.consumer}). */
    public static final String CONSUMER = "ai-triage.queue-events";

    private final InboundEvents inbound;
    private final TriageSuggestionService suggestions;

    TriageQueueEventsConsumer(InboundEvents inbound, TriageSuggestionService suggestions) {
        this.inbound = inbound;
        this.suggestions = suggestions;
    }

    @Incoming("triage-queue-events")
    public Uni<Void> onEvent(Message<String> message) {
        return inbound.consume(CONSUMER, message, List.of(QueueEvents.CHECKED_IN, QueueEvents.TRIAGED),
                TriageQueueEventsConsumer::concerns, this::apply);
    }

    static boolean concerns(InboundEvent<?> event) {
        QueueEventData data = (QueueEventData) event.data();
        QueueEntrySnapshot entry = data.entry();
        if (entry == null || entry.id() == null || data.departmentId() == null) {
            throw new InboundEvents.UnreadableEvent("queue entry, its id or department missing");
        }
        if (event.is(QueueEvents.TRIAGED)) {
            QueueTriageData triage = data.triage();
            if (triage == null || triage.assessedAt() == null || triage.finalLevel() < 1 || triage.finalLevel() > 5) {
                throw new InboundEvents.UnreadableEvent("triage without its final level or time");
            }
            return true;
        }
        return !TriageComplaints.isBlank(entry.chiefComplaint());
    }

    private Uni<Void> apply(InboundEvent<?> event) {
        QueueEventData data = (QueueEventData) event.data();
        QueueEntrySnapshot entry = data.entry();
        if (event.is(QueueEvents.TRIAGED)) {
            QueueTriageData triage = data.triage();
            return suggestions.joinTriage(entry.id(), triage.assessmentId(), triage.finalLevel(), triage.assessedAt());
        }
        return suggestions.suggestForCheckIn(data.departmentId(), entry.id(), entry.chiefComplaint());
    }
}
