package dev.medi.queue.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.events.PatientEventData;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.inbox.InboundEvent;
import dev.medi.queue.client.PatientServiceClient;
import dev.medi.queue.repository.KnownPatientRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which patients exist, for check-in and for linking a walk-in (ADR 0016): a projection of patient-service's record
 * events, and patient-service itself, asked once with the caller's token, for a patient whose registration event
 * has not arrived yet. An unknown patient is refused (422); when patient-service cannot answer, the request is
 * refused with 503 — an id nobody could confirm is never accepted.
 */
@ApplicationScoped
public class KnownPatients {

    /** The record events the projection follows; the other patient events are skipped unread. */
    public static final List<dev.medi.platform.events.EventType<?>> RECORD_EVENTS = List.of(
            PatientEvents.PATIENT_REGISTERED, PatientEvents.PATIENT_UPDATED, PatientEvents.PATIENT_ENTERED_IN_ERROR);

    private final KnownPatientRepository known;
    private final PatientServiceClient patientService;
    private final Clock clock = Clock.systemUTC();

    KnownPatients(KnownPatientRepository known, PatientServiceClient patientService) {
        this.known = known;
        this.patientService = patientService;
    }

    /** Applies a record event inside the inbox's transaction. */
    public Uni<Void> apply(InboundEvent<?> event) {
        PatientEventData data = (PatientEventData) event.data();
        if (data.patientId() == null || data.status() == null) {
            Log.warnf("patient event %s without patient id or status: skipped", event.id());
            return Uni.createFrom().voidItem();
        }
        String status = event.is(PatientEvents.PATIENT_ENTERED_IN_ERROR) ? "entered-in-error" : data.status();
        return known.record(data.patientId(), status, data.version(), event.time() == null ? clock.instant() : event.time());
    }

    /**
     * After a miss in the projection: asks patient-service once. Completes when the patient exists (and remembers
     * it); fails with the 422 {@link QueueProblemType#UNKNOWN_PATIENT} or a 503.
     */
    public Uni<Void> confirm(UUID patientId, String bearerToken) {
        return patientService.patient(patientId, bearerToken)
                .onFailure(PatientServiceClient.Unavailable.class).transform(failure -> {
                    Log.warnf("patient-service could not confirm a patient (%s): refused with 503", failure.getMessage());
                    return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                            "The patient register cannot be reached; try again in a moment.");
                })
                .flatMap(answer -> answer == PatientServiceClient.Answer.EXISTS
                        ? known.rememberActive(patientId, Instant.now(clock))
                        : Uni.createFrom().failure(unknown()));
    }

    /** Completes when the patient may be checked in; else as {@link #confirm}. */
    public Uni<Void> require(UUID patientId, String bearerToken) {
        return known.checkable(patientId).flatMap(checkable -> checkable ? Uni.createFrom().voidItem()
                : confirm(patientId, bearerToken).call(() -> known.checkable(patientId).invoke(now -> {
                    if (!now) {
                        throw unknown(); // patient-service knows it, but it was entered in error here already
                    }
                })));
    }

    static ProblemException unknown() {
        return new ProblemException(QueueProblemType.UNKNOWN_PATIENT, "No registered patient has this id.",
                List.of(new Problem.FieldError("patientId", "is not a registered patient")));
    }
}
