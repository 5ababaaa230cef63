package dev.medi.patient.messaging;

import dev.medi.patient.Patient;
import dev.medi.platform.events.EventSources;
import dev.medi.platform.events.Topics;
import dev.medi.platform.outbox.Outbox;
import dev.medi.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** Records patient events in the outbox, keyed by patient, in the transaction of the change. */
@ApplicationScoped
public class PatientEventPublisher {

    private final Outbox outbox;
    private final OutboxRelay relay;

    PatientEventPublisher(Outbox outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Inside the transaction: flushes the patient (so the event carries the new version) and appends the event. */
    public Uni<Void> record(String type, Patient patient, Set<String> changedFields) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(Topics.PATIENT_EVENTS, patient.id().toString(), type,
                        EventSources.PATIENT_SERVICE, patient.id().toString(),
                        new PatientEventData(patient.id(), patient.mrn(), patient.status().code(), patient.version(),
                                List.copyOf(changedFields), patient.duplicateOverride(), patient.duplicateCandidates())))
                .replaceWithVoid();
    }

    /** After commit: publish without waiting for the relay's next poll. */
    public void committed() {
        relay.wake();
    }
}
