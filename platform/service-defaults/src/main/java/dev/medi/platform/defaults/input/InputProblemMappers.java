package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one mapper of rejected input, for every service: Bean Validation failures, JSON that does not fit the
 * request type (unknown field, wrong type, malformed), values the strict JSON parsing ({@link StrictJson})
 * refuses. Each is a 400 problem+json naming the fields by their path in the request ({@link FieldPaths}),
 * sorted by path. No service needs a mapper of its own for these.
 */
public class InputProblemMappers {

    @ServerExceptionMapper
    public Response unstorable(UnstorableInputException e, HttpServerRequest request) {
        String field = FieldPaths.of(e);
        return ProblemResponses.response(ProblemType.VALIDATION, "A field of the request has a value that cannot be accepted.",
                request, List.of(new Problem.FieldError(field.isEmpty() ? FieldPaths.BODY : field, e.reason())));
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
                request, List.of(new Problem.FieldError(FieldPaths.of(e), "unknown field")));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        String field = FieldPaths.of(e);
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

    /**
     * The answer to a request body Quarkus REST could not read (it wraps the Jackson error in a
     * {@code WebApplicationException}): as if the Jackson error had reached the mappers directly; {@code null}
     * when the cause is not a JSON error.
     */
    public Response bodyNotRead(Throwable cause, HttpServerRequest request) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, request);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, request);
        }
        if (cause instanceof JsonProcessingException malformed) {
            return malformed(malformed, request);
        }
        return null;
    }

    /** 400 with one field error per violation, each named by its {@link FieldPaths field path}. */
    static Response violations(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(FieldPaths.of(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return ProblemResponses.response(ProblemType.VALIDATION, "The request has invalid fields.", request, errors);
    }
}
