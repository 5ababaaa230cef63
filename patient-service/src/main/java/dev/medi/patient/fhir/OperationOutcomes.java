package dev.medi.patient.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The error body of every FHIR response: an OperationOutcome with one issue. */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static OperationOutcome error(IssueType code, String diagnostics) {
        return issue(IssueSeverity.ERROR, code, diagnostics);
    }

    static OperationOutcome issue(IssueSeverity severity, IssueType code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(code).setDiagnostics(diagnostics);
        return outcome;
    }

    /** The issue type that an HTTP error status stands for, for errors raised outside this package. */
    static IssueType forStatus(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            case 413 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            case 502, 503, 504 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }

    /** Safe text for a bare HTTP error status. */
    static String standardDiagnostics(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "A valid access token is required (Authorization: Bearer).";
            case 403 -> "Not allowed.";
            case 404 -> "No resource at this address. See /fhir/r4/metadata for what this server supports.";
            case 405 -> "This FHIR endpoint is read-only: GET only.";
            case 406 -> "Only FHIR JSON (application/fhir+json or application/json) can be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body's media type is not supported.";
            default -> status >= 500 ? "The request could not be completed. Quote the X-Request-Id when reporting it."
                    : "The request failed.";
        };
    }
}
