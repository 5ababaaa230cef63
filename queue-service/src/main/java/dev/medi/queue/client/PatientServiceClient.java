package dev.medi.queue.client;

import dev.medi.queue.config.QueueConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.UUID;

/**
 * Asks patient-service whether a patient exists: {@code GET /api/v1/patients/{id}} with the caller's own token, so
 * the read is access-checked and audited there like any other. Only the status is used, the body is discarded.
 * A plain Vert.x client (as the gateway's) rather than a REST client: one call, one status code.
 */
@ApplicationScoped
public class PatientServiceClient {

    /** What patient-service said about the patient. */
    public enum Answer {
        /** 200 with an active record, or 403 (it exists; the caller may not read it, which check-in does not need). */
        EXISTS,
        /** 404, or 410 / a record entered in error. */
        ABSENT
    }

    /** patient-service did not answer usably in time (down, timeout, 5xx, or an answer it should not give). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient client;
    private final URI base;
    private final QueueConfig.PatientService config;

    PatientServiceClient(Vertx vertx, QueueConfig config) {
        this.config = config.patientService();
        this.base = URI.create(this.config.url().endsWith("/") ? this.config.url() : this.config.url() + "/");
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis()).setKeepAlive(true));
    }

    /**
     * @param bearerToken the caller's access token, as received
     * @return the answer; fails with {@link Unavailable} when there is none within the configured timeout
     */
    public Uni<Answer> patient(UUID patientId, String bearerToken) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base.resolve("api/v1/patients/" + patientId).toString())
                .putHeader("Authorization", "Bearer " + bearerToken)
                .putHeader("Accept", "application/json");
        return client.request(request)
                .flatMap(sent -> sent.send())
                .flatMap(response -> response.body().map(body -> answer(response.statusCode(), body)))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure(failure -> !(failure instanceof Unavailable))
                .transform(failure -> new Unavailable(failure.getClass().getSimpleName()));
    }

    /** Only the status, and for a 200 the record's {@code status}: an admin still reads a record entered in error. */
    static Answer answer(int status, Buffer body) {
        return switch (status) {
            case 200 -> {
                String recordStatus = body == null || body.length() == 0 ? null
                        : new JsonObject(body.getDelegate()).getString("status");
                yield "entered-in-error".equals(recordStatus) ? Answer.ABSENT : Answer.EXISTS;
            }
            case 403 -> Answer.EXISTS; // patient-service looks the record up before it checks access
            case 404, 410 -> Answer.ABSENT;
            default -> throw new Unavailable("status " + status);
        };
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
