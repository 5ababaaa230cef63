package dev.medi.platform.defaults;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response of every service.
 *
 * @param type      stable URI per kind of error; clients switch on it, never on {@code detail}
 * @param title     short summary of the kind
 * @param status    HTTP status code
 * @param detail    explanation of this occurrence, safe to show a user (no internals, no patient data)
 * @param instance  the request path
 * @param requestId the request id, to find the request in the logs
 * @param errors    field errors of a rejected request body, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its path in the request (e.g. {@code chiefComplaint}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
