package dev.medi.platform.defaults;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds problem responses, for JAX-RS resources and for plain Vert.x routes alike. */
public final class ProblemResponses {

    /** The challenge of a plain 401, when the problem brings none of its own. */
    static final String BEARER_CHALLENGE = "Bearer";

    public static Problem problem(ProblemKind kind, String detail, HttpServerRequest request,
                                  List<Problem.FieldError> errors) {
        return problem(kind, detail, request, errors, null);
    }

    /** With RFC 9457 extension members. */
    public static Problem problem(ProblemKind kind, String detail, HttpServerRequest request,
                                  List<Problem.FieldError> errors, Map<String, Object> extensions) {
        return new Problem(kind.uri(), kind.title(), kind.status(), detail,
                request == null ? null : request.path(),
                request == null ? null : request.getHeader(RequestIds.HEADER),
                errors == null || errors.isEmpty() ? null : errors, extensions);
    }

    /** A JAX-RS response carrying the problem. */
    public static Response response(ProblemKind kind, String detail, HttpServerRequest request,
                                    List<Problem.FieldError> errors) {
        return response(kind.status(), problem(kind, detail, request, errors));
    }

    /** The answer to a {@link ProblemException}: its kind, detail, field errors, extension members and headers. */
    public static Response response(ProblemException e, HttpServerRequest request) {
        return response(e.kind().status(), problem(e.kind(), e.detail(), request, e.errors(), e.extensions()),
                e.headers());
    }

    public static Response response(int status, Problem problem) {
        return response(status, problem, Map.of());
    }

    /**
     * @param headers added to the response; a 401 without a {@code WWW-Authenticate} among them gets the plain
     *                {@code Bearer} challenge, so it always carries exactly one
     */
    public static Response response(int status, Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        boolean challenged = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            builder.header(header.getKey(), header.getValue());
            challenged |= header.getKey().equalsIgnoreCase("WWW-Authenticate");
        }
        if (status == 401 && !challenged) {
            builder.header("WWW-Authenticate", BEARER_CHALLENGE);
        }
        return builder.build();
    }

    /** Ends a Vert.x response with the problem (for routes outside JAX-RS: proxy, static files, errors). */
    public static void end(HttpServerResponse response, HttpServerRequest request, ProblemKind kind, String detail) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(kind.status());
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (kind.status() == 401) {
            response.putHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        response.end(Json.encode(problem(kind, detail, request, null)));
    }

    private ProblemResponses() {
    }
}
