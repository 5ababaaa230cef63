package dev.medi.platform.defaults;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9457 problem details, the body of every error response of every service.
 *
 * @param type       stable URI per kind of error; clients switch on it, never on {@code detail}
 * @param title      short summary of the kind
 * @param status     HTTP status code
 * @param detail     explanation of this occurrence, safe to show a user (no internals, no patient data)
 * @param instance   the request path
 * @param requestId  the request id, to find the request in the logs
 * @param errors     field errors of a rejected request body, if any
 * @param extensions RFC 9457 extension members of this kind (e.g. {@code candidates}), written after the
 *                   standard members in their insertion order; never one of the {@link #MEMBERS}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The members every problem may have; an extension cannot take one of these names. */
    public static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "requestId",
            "errors");

    public Problem {
        extensions = extensions == null || extensions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        for (String name : extensions.keySet()) {
            if (MEMBERS.contains(name)) {
                throw new IllegalArgumentException("an extension member cannot replace the standard member " + name);
            }
        }
    }

    /** Without extension members. */
    public Problem(URI type, String title, int status, String detail, String instance, String requestId,
                   List<FieldError> errors) {
        this(type, title, status, detail, instance, requestId, errors, null);
    }

    /** The extension members, written as members of the problem itself (not nested). */
    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** One invalid field: its path in the request (e.g. {@code identifiers[1].value}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
