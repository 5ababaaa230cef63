package dev.medi.patient.rest;

import dev.medi.patient.service.ReauthenticationRequiredException;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Problems of clinical notes. {@code reauthentication-required} (401) is only answered here so far; it moves to
 * platform/service-defaults' {@code ProblemType} when a second service needs a recent sign-in.
 */
public class NoteProblems {

    public static final URI REAUTHENTICATION_REQUIRED = URI.create(
            dev.medi.platform.defaults.ProblemType.BASE + "reauthentication-required");

    /**
     * 401 with an RFC 9470 step-up challenge: the client signs in again with the password (auth-service's login;
     * a refreshed token keeps the {@code auth_time} of its session's sign-in, so it does not count) and repeats the
     * request.
     */
    @ServerExceptionMapper
    public Response reauthenticate(ReauthenticationRequiredException e, HttpServerRequest request) {
        Problem problem = new Problem(REAUTHENTICATION_REQUIRED, "Sign in again to sign", 401, e.getMessage(),
                request.path(), request.getHeader(RequestIds.HEADER), null);
        Response response = ProblemResponses.response(401, problem);
        return Response.fromResponse(response)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A more recent sign-in is required\", max_age=" + e.maxAge().toSeconds())
                .build();
    }
}
