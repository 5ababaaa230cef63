package dev.medi.platform.defaults;

/**
 * Thrown by services for an expected failure that the client should see: becomes a problem response
 * with the given type. {@code detail} must be safe to show to a user and free of patient data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final java.util.List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    /** With field errors, for rules Bean Validation cannot express (e.g. a password policy). */
    public ProblemException(ProblemType type, String detail, java.util.List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors == null ? null : java.util.List.copyOf(errors);
    }

    public java.util.List<Problem.FieldError> errors() {
        return errors;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
