package dev.medi.platform.defaults;

import dev.medi.platform.defaults.input.InputProblemMappers;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception that reaches a JAX-RS resource to an RFC 9457 problem: {@link ProblemException}s (with
 * their kind, extension members and headers), security and HTTP errors, and anything unexpected as a 500.
 * Rejected input (validation, JSON) is mapped by {@link InputProblemMappers}. Never echoes exception
 * messages, SQL or class names: details are written here, from what the client sent.
 */
public class ProblemExceptionMappers {

    private final InputProblemMappers input = new InputProblemMappers();

    /** Every {@link ProblemException}, of the platform's kinds and of the services' own alike. */
    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.response(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.UNAUTHORIZED, "A valid access token is required.", request, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.UNAUTHORIZED, "A valid access token is required.", request, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.FORBIDDEN, "Your role does not allow this operation.", request, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        // Quarkus REST wraps body-reading failures: answer as if the Jackson error had reached us directly.
        Response bodyNotRead = input.bodyNotRead(e.getCause(), request);
        if (bodyNotRead != null) {
            return bodyNotRead;
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = ProblemResponses.response(status,
                ProblemResponses.problem(type, standardDetail(type), request, null));
        if (status == 405) {
            // RFC 9110: a 405 lists what the resource supports. Quarkus REST throws NotAllowedException without it.
            String allow = e.getResponse().getHeaderString("Allow");
            if (allow == null && request != null) {
                allow = AllowedMethods.forPath(request.path());
            }
            return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // The message may quote data (SQL constraint details, values): log the type and where, not the text.
        StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Log.errorf("unhandled %s at %s (request %s)", e.getClass().getName(), origin,
                request == null ? "-" : request.getHeader(RequestIds.HEADER));
        return ProblemResponses.response(ProblemType.INTERNAL,
                "The request could not be completed. Quote the request id when reporting it.", request, null);
    }

    static String standardDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this address.";
            case MALFORMED_REQUEST -> "The request could not be read.";
            case METHOD_NOT_ALLOWED -> "This resource does not support the method.";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body's media type is not supported; send application/json.";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the allowed size.";
            case UNAUTHORIZED -> "A valid access token is required.";
            case FORBIDDEN -> "Your role does not allow this operation.";
            default -> type.title() + ".";
        };
    }
}
