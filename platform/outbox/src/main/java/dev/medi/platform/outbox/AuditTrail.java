package dev.medi.platform.outbox;

import dev.medi.platform.defaults.RequestIds;
import dev.medi.platform.events.AuditEvents;
import dev.medi.platform.events.AuditRecord;
import dev.medi.platform.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.List;

/**
 * Writes audit records to {@code medi.audit.v1} through the outbox: inside the transaction of the change
 * they describe, so the trail has an entry exactly when the change happened.
 */
@ApplicationScoped
public class AuditTrail {

    private final Outbox outbox;
    private final EventType<AuditRecord> recorded;

    AuditTrail(Outbox outbox, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.outbox = outbox;
        this.recorded = AuditEvents.RECORDED.withSource("/medi/" + application);
    }

    /** Appends a record keyed by {@code targetId}; call inside the transaction of the change. */
    public Uni<Void> record(String actor, List<String> actorRoles, String action, String targetType, String targetId,
                            String outcome) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        AuditRecord record = new AuditRecord(actor, List.copyOf(actorRoles), action, targetType, targetId, outcome,
                Instant.now(), requestId == null ? null : requestId.toString());
        return outbox.append(recorded, record).replaceWithVoid();
    }
}
