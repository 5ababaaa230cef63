package dev.medi.patient.service;

import dev.medi.platform.defaults.ProblemException;

import java.time.Duration;
import java.util.Map;

/**
 * The caller must sign in again (with the password, through auth-service's login; a refreshed token keeps the
 * {@code auth_time} of its session's sign-in, so it does not count) before this operation: answered 401 with type
 * {@code reauthentication-required} and an RFC 9470 step-up challenge as the response's only
 * {@code WWW-Authenticate} ({@code Bearer error="insufficient_user_authentication", …, max_age=…}).
 */
public class ReauthenticationRequiredException extends ProblemException {

    private final Duration maxAge;

    public ReauthenticationRequiredException(String detail, Duration maxAge) {
        super(PatientProblemType.REAUTHENTICATION_REQUIRED, detail, null, null,
                Map.of("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A more recent sign-in is required\", max_age=" + maxAge.toSeconds()));
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
