package dev.medi.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Which WebSocket connection follows which departments, and delivery of queue events to them. */
@Startup // its meters exist from the start, not from the first subscriber
@ApplicationScoped
public class QueueFanOut {

    private final OpenConnections connections;
    private final Map<String, Set<UUID>> subscriptions = new ConcurrentHashMap<>();
    private final Counter delivered;
    private final Counter failed;

    QueueFanOut(OpenConnections connections, MeterRegistry registry) {
        this.connections = connections;
        this.delivered = Counter.builder("medi.fanout.delivered").description("Queue event frames sent to clients")
                .register(registry);
        this.failed = Counter.builder("medi.fanout.failed").description("Queue event frames that could not be sent")
                .register(registry);
        registry.gaugeMapSize("medi.fanout.subscribers", java.util.List.of(), subscriptions);
    }

    public void subscribe(WebSocketConnection connection, Set<UUID> departments) {
        subscriptions.put(connection.id(), Set.copyOf(departments));
    }

    public void unsubscribe(WebSocketConnection connection) {
        subscriptions.remove(connection.id());
    }

    /** Sends {@code frame} to every open connection subscribed to {@code departmentId}. */
    public void deliver(UUID departmentId, String frame) {
        for (WebSocketConnection connection : connections) {
            Set<UUID> departments = subscriptions.get(connection.id());
            if (departments == null || !departments.contains(departmentId) || !connection.isOpen()) {
                continue;
            }
            connection.sendText(frame).subscribe().with(
                    sent -> delivered.increment(),
                    failure -> {
                        failed.increment();
                        Log.debugf("frame to connection %s failed: %s", connection.id(), failure.getClass().getSimpleName());
                    });
        }
    }
}
