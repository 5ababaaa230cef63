package dev.medi.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer shape every service uses, with a screen (see {@link #screen}), around a handler that records what it applied. A note starting with
 * "fail" makes the handler fail every time; the handler also writes to the database (inside the transaction), so
 * a duplicate that got through would show there too.
 */
@ApplicationScoped
public class TestEventsConsumer {

    private final List<TestEvents.Thing> applied = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final InboundEvents inbound;

    TestEventsConsumer(InboundEvents inbound) {
        this.inbound = inbound;
    }

    /** What the handler applied (committed), in order. */
    List<TestEvents.Thing> applied() {
        return applied;
    }

    /** How often the handler was called for an event (CloudEvent id); 0 if never. */
    int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId.toString());
        return count == null ? 0 : count.get();
    }

    /** A note starting with "skip" is not for this consumer; one starting with "unusable" cannot be used. */
    private static boolean screen(InboundEvent<?> event) {
        String note = event.data(TestEvents.HAPPENED).note();
        if (note.startsWith("unusable")) {
            throw new InboundEvents.UnreadableEvent("unusable thing");
        }
        return !note.startsWith("skip");
    }

    @Incoming("test-events")
    Uni<Void> onEvent(Message<String> message) {
        return inbound.consume(message, TestEvents.ALL, TestEventsConsumer::screen, event -> {
            TestEvents.Thing thing = event.data(TestEvents.HAPPENED);
            attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (thing.note().startsWith("fail")) {
                return Uni.createFrom().failure(new IllegalStateException("handler fails"));
            }
            return Panache.getSession().flatMap(session -> session
                            .createNativeQuery("select count(*) from medi_inbox where event_id = ?1")
                            .setParameter(1, event.id()).getSingleResult())
                    .invoke(() -> applied.add(thing)) // before commit: a duplicate that got through would show
                    .replaceWithVoid();
        });
    }
}
