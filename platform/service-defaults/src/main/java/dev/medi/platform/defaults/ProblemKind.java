package dev.medi.platform.defaults;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of error a service answers with: a stable {@code type} URI (clients switch on it), a title and the
 * HTTP status. The platform's own kinds are {@link ProblemType}; a service declares its own the same way,
 * without forking the mappers:
 *
 * <pre>{@code
 * public enum PatientProblem implements ProblemKind {
 *     POSSIBLE_DUPLICATE("possible-duplicate", "Possible duplicate patient", 409);
 *     ...
 * }
 * throw new ProblemException(PatientProblem.POSSIBLE_DUPLICATE, detail, Map.of("candidates", candidates));
 * }</pre>
 *
 * or with {@link #of(String, String, int)} for a one-off constant. Every type URI is {@link #BASE} plus the
 * slug, so the catalogue stays one namespace; ADR 0013 describes the rules.
 */
public interface ProblemKind {

    /** Base of every problem type URI. */
    String BASE = "https://medi-os.dev/problems/";

    /** The last segment of the type URI: lower-case words joined by hyphens, e.g. {@code possible-duplicate}. */
    String slug();

    /** Short summary of the kind, the same for every occurrence. */
    String title();

    /** The HTTP status answered. */
    int status();

    /** {@link #BASE} + {@link #slug()}. */
    default URI uri() {
        return URI.create(BASE + slug());
    }

    /** A kind declared as a constant, e.g. {@code static final ProblemKind GONE = ProblemKind.of("entered-in-error", ...)}. */
    static ProblemKind of(String slug, String title, int status) {
        return new Declared(slug, title, status);
    }

    /** A kind made by {@link #of}: checked once, when the constant is created. */
    record Declared(String slug, String title, int status, URI uri) implements ProblemKind {

        private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        Declared(String slug, String title, int status) {
            this(slug, title, status, URI.create(BASE + slug));
        }

        public Declared {
            Objects.requireNonNull(title, "title");
            if (slug == null || !SLUG.matcher(slug).matches()) {
                throw new IllegalArgumentException("a problem slug is lower-case words joined by hyphens: " + slug);
            }
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a problem has an error status (4xx or 5xx): " + status);
            }
        }
    }
}
