package dev.medi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which events each consumer of this service applied ({@code medi_inbox}). {@link InboundEvents} claims every
 * event for you; call {@link #claim} yourself only in a consumer that cannot use it.
 */
@ApplicationScoped
public class Inbox {

    /**
     * Records that {@code consumer} applies the event, inside the transaction of its effect.
     *
     * @return {@code true} if the event is new to {@code consumer}; {@code false} if it was applied already (do
     * nothing then). Concurrent claims of one event serialise on the primary key: the second waits for the
     * first transaction and then gets {@code false} (or {@code true} if the first rolled back).
     */
    public Uni<Boolean> claim(String consumer, String eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into medi_inbox (consumer, event_id) values (?1, ?2) on conflict do nothing""")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
