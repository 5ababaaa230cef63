package dev.medi.platform.defaults.input;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** 400 problem+json for values the strict JSON parsing ({@link StrictJson}) refuses, naming the field. */
public class InputProblemMappers {

    @ServerExceptionMapper
    public Response unstorable(UnstorableInputException e, HttpServerRequest request) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return ProblemResponses.response(ProblemType.VALIDATION, "A field of the request has a value that cannot be accepted.",
                request, List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, e.reason())));
    }
}
