package dev.medi.ai.engine;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The last outcome of the configured cloud engine, for the health check (per replica, informational only). */
@ApplicationScoped
public class EngineStatus {

    /** The last call's outcome: {@code reason} is null after a success. */
    public record Outcome(String engine, boolean success, String reason, Instant at) {
    }

    private final AtomicReference<Outcome> last = new AtomicReference<>();

    void succeeded(String engine) {
        last.set(new Outcome(engine, true, null, Instant.now()));
    }

    void failed(String engine, String reason) {
        last.set(new Outcome(engine, false, reason, Instant.now()));
    }

    public Outcome last() {
        return last.get();
    }
}
