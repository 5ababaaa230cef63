package dev.medi.ai.client;

import dev.medi.ai.config.PatientServiceConfig;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.UUID;

/**
 * Reads a patient's record from patient-service with the caller's own access token, so that patient-service applies
 * its access rule (department link or break-glass) and audits the read: ai-service is never a side door to patient
 * data. Its refusals are passed on as they are (403, 404, 410); anything else unusable is a 503.
 */
@ApplicationScoped
public class PatientRecordClient {

    private final HttpClient client;
    private final URI base;
    private final PatientServiceConfig config;

    PatientRecordClient(Vertx vertx, PatientServiceConfig config) {
        this.config = config;
        this.base = URI.create(config.url().endsWith("/") ? config.url() : config.url() + "/");
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis()).setKeepAlive(true));
    }

    /** The patient's record (and the access check and audit entry of the read). */
    public Uni<JsonObject> patient(UUID patientId, String bearerToken) {
        return get("api/v1/patients/" + patientId, bearerToken);
    }

    /** The newest history items (encounters, vitals, notes without text, documents), newest first. */
    public Uni<JsonObject> history(UUID patientId, int limit, String bearerToken) {
        return get("api/v1/patients/" + patientId + "/history?limit=" + limit, bearerToken);
    }

    /** The patient's notes without their text, newest first. */
    public Uni<JsonObject> notes(UUID patientId, String bearerToken) {
        return get("api/v1/patients/" + patientId + "/notes", bearerToken);
    }

    /** One note with its text. */
    public Uni<JsonObject> note(UUID noteId, String bearerToken) {
        return get("api/v1/notes/" + noteId, bearerToken);
    }

    private Uni<JsonObject> get(String path, String bearerToken) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.resolve(path).toString())
                .putHeader("Authorization", "Bearer " + bearerToken)
                .putHeader("Accept", "application/json");
        return client.request(request)
                .flatMap(sent -> sent.send())
                .flatMap(response -> response.body().map(body -> switch (response.statusCode()) {
                    case 200 -> new JsonObject(body.getDelegate());
                    case 401 -> throw new UnauthorizedException();
                    case 403 -> throw new ProblemException(ProblemType.FORBIDDEN,
                            "You may not read this patient's record (no department link or break-glass access).");
                    case 404, 410 -> throw new ProblemException(ProblemType.NOT_FOUND, "No such patient.");
                    default -> throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                            "The patient record service answered " + response.statusCode() + ".");
                }))
                .ifNoItem().after(config.timeout()).failWith(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                        "The patient record service did not answer in time."))
                .onFailure(failure -> !(failure instanceof ProblemException || failure instanceof UnauthorizedException))
                .transform(failure -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                        "The patient record service is unavailable."));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
