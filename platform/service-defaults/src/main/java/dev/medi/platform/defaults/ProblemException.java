package dev.medi.platform.defaults;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for an expected failure that the client should see: becomes a problem response of the
 * given {@link ProblemKind} ({@code ProblemExceptionMappers}), with its extension members and headers.
 * {@code detail} must be safe to show to a user and free of patient data; so must every extension value.
 *
 * <p>A service may subclass it for a domain refusal (the subclass then needs no mapper of its own), e.g.
 * {@code class IllegalTransitionException extends ProblemException}, and override {@link #headers()} when the
 * kind needs a header (a step-up {@code WWW-Authenticate} challenge, {@code Retry-After}).
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, null, null, null);
    }

    /** With RFC 9457 extension members, e.g. {@code Map.of("candidates", candidates)}. */
    public ProblemException(ProblemKind kind, String detail, Map<String, Object> extensions) {
        this(kind, detail, null, extensions, null);
    }

    /** With field errors, for rules Bean Validation cannot express (e.g. a password policy). */
    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        this(kind, detail, errors, null, null);
    }

    /**
     * Everything a problem response can carry.
     *
     * @param headers response headers, e.g. {@code WWW-Authenticate} of a 401 (which then replaces the plain
     *                {@code Bearer} challenge: a response has exactly one)
     */
    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.errors = errors == null ? null : List.copyOf(errors);
        this.extensions = copy(extensions);
        this.headers = copy(headers);
        for (String name : this.extensions.keySet()) {
            if (Problem.MEMBERS.contains(name)) {
                throw new IllegalArgumentException("an extension member cannot replace the standard member " + name);
            }
        }
    }

    public ProblemKind kind() {
        return kind;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Extension members of the problem body, in insertion order; empty when there are none. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Headers of the response; empty when there are none. */
    public Map<String, String> headers() {
        return headers;
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
