package dev.medi.ai.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.ai.client.PatientRecordClient;
import dev.medi.ai.config.SummaryConfig;
import dev.medi.ai.repository.PatientSummaryRepository;
import dev.medi.ai.repository.PatientSummaryRepository.Cached;
import dev.medi.ai.summary.PatientSummary;
import dev.medi.ai.summary.PatientSummaryBuilder;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.outbox.AuditTrail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's summary for the doctor. Every read first reads the patient through patient-service with the caller's
 * token — its access rule (department link or break-glass) decides, and it audits the read — and is audited here
 * too ({@code ai.patient-summary.read}). The summary itself is kept until a record event of the patient makes it
 * stale, so the read the web app makes when the doctor calls the patient precomputes it for the consultation.
 */
@ApplicationScoped
public class PatientSummaryService {

    private static final int SIGNED_NOTES = 3;

    private final PatientRecordClient records;
    private final PatientSummaryRepository summaries;
    private final AuditTrail audit;
    private final SummaryConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    PatientSummaryService(PatientRecordClient records, PatientSummaryRepository summaries, AuditTrail audit,
                          SummaryConfig config, ObjectMapper json) {
        this.records = records;
        this.summaries = summaries;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    public Uni<PatientSummary> summary(Caller caller, UUID patientId, String bearerToken) {
        return records.patient(patientId, bearerToken)
                .flatMap(allowed -> summaries.find(patientId))
                .flatMap(cached -> {
                    Optional<PatientSummary> fresh = cached.filter(this::fresh).map(this::decode);
                    return fresh.isPresent() ? Uni.createFrom().item(fresh.get())
                            : compute(patientId, bearerToken, cached.map(Cached::changes).orElse(0L));
                })
                .call(summary -> Panache.withTransaction(() -> audit.record(caller.username(), List.copyOf(caller.roles()),
                        "ai.patient-summary.read", "patient", patientId.toString(), "success")));
    }

    private boolean fresh(Cached cached) {
        return !cached.stale() && cached.summary() != null && cached.computedAt() != null
                && cached.computedAt().plus(config.maxAge()).isAfter(clock.instant());
    }

    private Uni<PatientSummary> compute(UUID patientId, String token, long seenChanges) {
        Instant now = clock.instant();
        Uni<List<JsonObject>> history = records.history(patientId, config.historyItems(), token)
                .map(page -> objects(page.getJsonArray("items", new JsonArray())));
        Uni<List<JsonObject>> signedNotes = records.notes(patientId, token)
                .map(page -> objects(page.getJsonArray("items", new JsonArray())).stream()
                        .filter(note -> "signed".equals(note.getString("status")) && note.getString("signedAt") != null)
                        .sorted(Comparator.comparing((JsonObject note) -> Instant.parse(note.getString("signedAt"))).reversed())
                        .limit(SIGNED_NOTES).toList())
                .flatMap(latest -> latest.isEmpty() ? Uni.createFrom().item(List.<JsonObject>of())
                        : Uni.join().all(latest.stream().map(note -> records.note(UUID.fromString(note.getString("id")), token))
                                .toList()).andFailFast());
        return Uni.combine().all().unis(history, signedNotes).asTuple()
                .map(both -> PatientSummaryBuilder.build(patientId, both.getItem1(), both.getItem2(), now))
                .call(summary -> summaries.save(patientId, encode(summary), now, seenChanges));
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    private JsonObject encode(PatientSummary summary) {
        try {
            return new JsonObject(json.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary not serialisable", e);
        }
    }

    private PatientSummary decode(Cached cached) {
        try {
            return json.readValue(cached.summary().encode(), PatientSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored summary unreadable", e);
        }
    }
}
