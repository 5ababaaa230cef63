package dev.medi.gateway.client;

import dev.medi.gateway.config.GatewayConfig;
import dev.medi.platform.defaults.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.UUID;

/**
 * The gateway's own calls to queue-service: a department's queue snapshot (on behalf of a staff client,
 * with its token) and its public board. Non-blocking; a failed call gives a failed future, for
 * non-200 answers an {@link UpstreamStatusException}.
 */
@ApplicationScoped
public class QueueServiceClient {

    private final UpstreamHttpClient http;
    private final GatewayConfig.FanOut config;
    private final String baseUri;

    QueueServiceClient(UpstreamHttpClient http, GatewayConfig config) {
        this.http = http;
        this.config = config.fanout();
        URI base = config.services().get(this.config.service());
        if (base == null) {
            throw new IllegalStateException("medi.gateway.fanout.service=" + this.config.service()
                    + " has no medi.gateway.services entry");
        }
        String text = base.toString();
        this.baseUri = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code QueueSnapshot} JSON of the department, read with the caller's access token. */
    public Future<JsonObject> snapshot(UUID departmentId, String bearerToken) {
        return get(config.snapshotPath(), departmentId, bearerToken);
    }

    /** The department's public board JSON (no token: it is public). */
    public Future<JsonObject> board(UUID departmentId) {
        return get(config.boardPath(), departmentId, null);
    }

    /**
     * One retry for a failure below HTTP (a pooled connection the upstream closed while idle, a cut-off body):
     * the GET is safe to repeat, and a client would otherwise see an error for a blip. An HTTP error status
     * is an answer and is not retried.
     */
    private Future<JsonObject> get(String pathTemplate, UUID departmentId, String bearerToken) {
        return attempt(pathTemplate, departmentId, bearerToken).recover(failure -> failure instanceof UpstreamStatusException
                ? Future.failedFuture(failure)
                : attempt(pathTemplate, departmentId, bearerToken));
    }

    private Future<JsonObject> attempt(String pathTemplate, UUID departmentId, String bearerToken) {
        long timeout = config.snapshotTimeout().toMillis();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUri + pathTemplate.replace("{department}", departmentId.toString()))
                .setTimeout(timeout)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .putHeader(RequestIds.HEADER, RequestIds.acceptOrGenerate(null));
        if (bearerToken != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        return http.client().request(request)
                .compose(outgoing -> outgoing.send())
                .compose(this::jsonBody);
    }

    private Future<JsonObject> jsonBody(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            // read and drop the body, so the pooled connection can be reused
            return response.body().transform(ignored -> Future.failedFuture(
                    new UpstreamStatusException(config.service(), response.statusCode())));
        }
        return response.body().map(body -> new JsonObject(body));
    }
}
