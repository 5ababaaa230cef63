package dev.medi.patient.rest;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 400 problems for Bean Validation failures with field paths as the client wrote them, including positions in
 * lists: {@code allergies[0].severity}, {@code name.given[1]}. The platform's mapper puts the index on the wrong
 * segment for elements of lists ({@code allergies.severity[0]}, {@code name.given.<list element>[1]}); the
 * resources of this service map validation failures here instead (resource-level mappers win) until
 * {@code ProblemExceptionMappers.fieldOf} in platform/service-defaults is fixed the same way.
 */
final class ValidationProblems {

    private ValidationProblems() {
    }

    static Response response(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return ProblemResponses.response(ProblemType.VALIDATION, "The request has invalid fields.", request, errors);
    }

    /** {@code register.request.allergies[0].severity} → {@code allergies[0].severity}; a query parameter → its name. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            // the position within a list belongs to the segment before: allergies[0].severity
            if (node.isInIterable() && !field.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']'); // sets have no position
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue; // "<list element>": the index above is all there is
            }
            field.append(field.isEmpty() ? "" : ".").append(node.getName());
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "body";
    }
}
