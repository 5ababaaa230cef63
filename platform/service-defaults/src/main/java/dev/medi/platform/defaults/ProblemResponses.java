package dev.medi.platform.defaults;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem responses, for JAX-RS resources and for plain Vert.x routes alike. */
public final class ProblemResponses {

    public static Problem problem(ProblemType type, String detail, HttpServerRequest request,
                                  List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail,
                request == null ? null : request.path(),
                request == null ? null : request.getHeader(RequestIds.HEADER),
                errors == null || errors.isEmpty() ? null : errors);
    }

    /** A JAX-RS response carrying the problem. */
    public static Response response(ProblemType type, String detail, HttpServerRequest request,
                                    List<Problem.FieldError> errors) {
        return response(type.status(), problem(type, detail, request, errors));
    }

    public static Response response(int status, Problem problem) {
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    /** Ends a Vert.x response with the problem (for routes outside JAX-RS: proxy, static files, errors). */
    public static void end(HttpServerResponse response, HttpServerRequest request, ProblemType type, String detail) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(type.status());
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (type.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(Json.encode(problem(type, detail, request, null)));
    }

    private ProblemResponses() {
    }
}
