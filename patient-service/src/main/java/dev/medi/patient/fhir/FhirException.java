package dev.medi.patient.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A failure of a FHIR interaction that the client should see: answered with {@code status} and an
 * OperationOutcome carrying {@code code} and {@code diagnostics}. The diagnostics must be safe to show: no
 * patient data, no internals.
 */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType code;

    public FhirException(int status, IssueType code, String diagnostics) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A search or request parameter with a value this server cannot use (400, {@code invalid}). */
    public static FhirException invalidParameter(String parameter, String problem) {
        return new FhirException(400, IssueType.INVALID, "Parameter '" + parameter + "': " + problem);
    }

    /** Something FHIR defines that this server does not offer (400, {@code not-supported}). */
    public static FhirException notSupported(String diagnostics) {
        return new FhirException(400, IssueType.NOTSUPPORTED, diagnostics);
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(404, IssueType.NOTFOUND, diagnostics);
    }

    public static FhirException unauthenticated() {
        return new FhirException(401, IssueType.LOGIN, "A valid access token is required (Authorization: Bearer).");
    }

    public static FhirException forbidden(String diagnostics) {
        return new FhirException(403, IssueType.FORBIDDEN, diagnostics);
    }

    public int status() {
        return status;
    }

    public IssueType code() {
        return code;
    }

    public String diagnostics() {
        return getMessage();
    }
}
