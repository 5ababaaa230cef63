package dev.medi.platform.testing;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * Asserts that an answer is an RFC 9457 problem of a kind: the status, {@code application/problem+json}, the
 * stable {@code type} URI, the same {@code status} in the body and a {@code title}. The URIs are written out here
 * on purpose: they are the wire contract that clients match on.
 */
public final class ProblemAssertions {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://medi-os.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of {@code type} ({@code validation}, {@code unauthorized}, ...) with {@code status}. */
    public static ValidatableResponse assertProblem(Response response, int status, String type) {
        return response.then()
                .statusCode(status)
                .contentType(MEDIA_TYPE)
                .body("type", equalTo(TYPE_BASE + type))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()));
    }

    /** 401, no (valid) token. */
    public static ValidatableResponse assertUnauthorized(Response response) {
        return assertProblem(response, 401, "unauthorized");
    }

    /** 403, a role that may not do this. */
    public static ValidatableResponse assertForbidden(Response response) {
        return assertProblem(response, 403, "forbidden");
    }

    /** 400, the input broke a rule; the body names at least one field. */
    public static ValidatableResponse assertValidationFailed(Response response) {
        return assertProblem(response, 400, "validation").body("errors.size()", not(equalTo(0)));
    }

    private ProblemAssertions() {
    }
}
