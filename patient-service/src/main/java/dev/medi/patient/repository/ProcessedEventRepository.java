package dev.medi.patient.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The inbox of this service's Kafka consumers ({@code processed_events}): which CloudEvents were applied.
 * Claimed in the transaction of the event's effect, so a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEventRepository {

    /**
     * Marks the event processed by {@code consumer}; {@code false} if it already was (then do nothing).
     * Concurrent claims of one id serialise on the primary key: the second waits and then gets {@code false}.
     */
    public Uni<Boolean> claim(String consumer, String eventId, String eventType, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into processed_events (consumer, event_id, event_type, processed_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
