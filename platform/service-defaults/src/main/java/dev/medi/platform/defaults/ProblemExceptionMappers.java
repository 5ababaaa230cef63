package dev.medi.platform.defaults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every exception that reaches a JAX-RS resource to an RFC 9457 problem. Never echoes exception
 * messages, SQL or class names: details are written here, from what the client sent.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.response(e.type(), e.detail(), request, e.errors());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, HttpServerRequest request) {
        return Response.fromResponse(ProblemResponses.response(e.type(), e.detail(), request, null))
                .header("Retry-After", Long.toString(e.retryAfter().toSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return violations(e, request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        return violations(e, request);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.VALIDATION, "The request has fields this operation does not accept.",
                request, List.of(new Problem.FieldError(fieldPath(e), "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = fieldPath(e);
        // Truncated input also surfaces as a mismatch, at end of input: that is malformed, not a bad field.
        // (Jackson has no dedicated type for it; its message is the only marker.)
        boolean atEndOfInput = e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
        if (field.isEmpty() || atEndOfInput) {
            return ProblemResponses.response(ProblemType.MALFORMED_REQUEST,
                    "The request body does not have the expected JSON structure.", request, null);
        }
        return ProblemResponses.response(ProblemType.VALIDATION, "A field of the request has the wrong type.",
                request, List.of(new Problem.FieldError(field, "wrong type or format")));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON.",
                request, null);
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e, HttpServerRequest request) {
        return ProblemResponses.response(ProblemType.MALFORMED_REQUEST, "The multipart request body could not be read.",
                request, null);
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
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, request);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return wrongType(cause, request);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformed(cause, request);
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

    private static Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return ProblemResponses.response(ProblemType.VALIDATION, "The request has invalid fields.", request, errors);
    }

    /** {@code checkIn.request.chiefComplaint} -> {@code chiefComplaint}: the path as the client knows it. */
    private static String fieldOf(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.RETURN_VALUE) {
                properties.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : "body";
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
