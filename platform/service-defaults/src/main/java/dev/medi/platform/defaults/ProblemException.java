package dev.medi.platform.defaults;

/**
 * Thrown by services for an expected failure that the client should see: becomes a problem response
 * with the given type. {@code detail} must be safe to show to a user and free of patient data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
