package dev.medi.ai.client;

import dev.medi.ai.config.PatientServiceConfig;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.service.AiProblem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Asks patient-service about the encounter and the patient of a scribe job, always with the caller's own access token:
 * patient-service applies its access rule (department link or break-glass) and audits the read in the caller's name,
 * so ai-service is no side door to patient data. A plain Vert.x client (as queue-service's PatientServiceClient): two
 * GETs, a status code and a few fields. Its answers become problems: 404 "unknown encounter", 403 "not your
 * department's patient", anything else (down, timeout, 5xx) 503.
 */
@ApplicationScoped
public class PatientClient {

    /** What a scribe job needs to know of an encounter. */
    public record EncounterRef(UUID id, UUID patientId, UUID departmentId, String status) {
    }

    private final HttpClient client;
    private final URI base;
    private final PatientServiceConfig config;

    PatientClient(Vertx vertx, PatientServiceConfig config) {
        this.config = config;
        this.base = URI.create(config.url().endsWith("/") ? config.url() : config.url() + "/");
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis()).setKeepAlive(true));
    }

    /** {@code GET /api/v1/encounters/{id}} as the caller. */
    public Uni<EncounterRef> encounter(UUID encounterId, String bearerToken) {
        return get("api/v1/encounters/" + encounterId, bearerToken, "encounter", body -> {
            JsonObject json = body.toJsonObject();
            UUID patientId = uuid(json.getString("patientId"));
            UUID departmentId = uuid(json.getString("departmentId"));
            if (patientId == null || departmentId == null) {
                throw unavailable();
            }
            return new EncounterRef(encounterId, patientId, departmentId, json.getString("status"));
        });
    }

    /**
     * {@code GET /api/v1/patients/{id}} as the caller: what identifies the patient, for the redaction before any
     * model call (name, MRN, birth date, phone, e-mail, address, other identifiers, the emergency contact).
     */
    public Uni<PatientIdentifiers> identifiers(UUID patientId, String bearerToken) {
        return get("api/v1/patients/" + patientId, bearerToken, "patient", body -> identifiersOf(body.toJsonObject()));
    }

    /** The identifiers of a patient record as patient-service shows it (PatientView). */
    static PatientIdentifiers identifiersOf(JsonObject patient) {
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> addressLines = new ArrayList<>();
        List<String> others = new ArrayList<>();
        JsonObject name = patient.getJsonObject("name");
        if (name != null) {
            JsonArray given = name.getJsonArray("given");
            List<String> parts = new ArrayList<>();
            if (given != null) {
                given.stream().map(String::valueOf).forEach(parts::add);
            }
            add(parts, name.getString("family"));
            parts.forEach(part -> add(names, part));
            if (parts.size() > 1) {
                add(names, String.join(" ", parts));
            }
        }
        add(phones, patient.getString("phone"));
        JsonObject address = patient.getJsonObject("address");
        if (address != null) {
            JsonArray lines = address.getJsonArray("lines");
            if (lines != null) {
                lines.stream().map(String::valueOf).forEach(line -> add(addressLines, line));
            }
            add(addressLines, address.getString("city"));
            add(others, address.getString("postalCode"));
        }
        JsonArray identifiers = patient.getJsonArray("identifiers");
        if (identifiers != null) {
            identifiers.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .forEach(identifier -> add(others, identifier.getString("value")));
        }
        JsonObject contact = patient.getJsonObject("emergencyContact");
        if (contact != null) {
            add(names, contact.getString("name"));
            add(phones, contact.getString("phone"));
        }
        String birthDate = patient.getString("birthDate");
        String email = patient.getString("email");
        return new PatientIdentifiers(names, patient.getString("mrn"),
                birthDate == null ? null : LocalDate.parse(birthDate), phones,
                email == null ? List.of() : List.of(email), addressLines, others);
    }

    private <T> Uni<T> get(String path, String bearerToken, String what, Function<Buffer, T> read) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.resolve(path).toString())
                .putHeader("Authorization", "Bearer " + bearerToken)
                .putHeader("Accept", "application/json");
        return client.request(request)
                .flatMap(sent -> sent.send())
                .flatMap(response -> response.body().map(body -> switch (response.statusCode()) {
                    case 200 -> read.apply(body);
                    case 404, 410 -> throw "encounter".equals(what)
                            ? new ProblemException(AiProblem.UNKNOWN_ENCOUNTER, "No encounter with this id.")
                            : new ProblemException(ProblemType.NOT_FOUND, "No patient with this id.");
                    case 403 -> throw new ProblemException(ProblemType.FORBIDDEN,
                            "You may not read this " + what + "'s record: the patient is not in your department's care.");
                    default -> throw unavailable();
                }))
                .ifNoItem().after(config.timeout()).failWith(PatientClient::unavailable)
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure -> unavailable());
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The patient record cannot be reached right now. Try again in a moment.");
    }

    private static void add(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.strip());
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
