package dev.medi.patient.service;

import java.time.Duration;

/**
 * The caller must sign in again (with the password, through auth-service's login) before this operation:
 * answered 401 with type {@code reauthentication-required} and an RFC 9470 step-up challenge
 * ({@code WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=…}).
 */
public class ReauthenticationRequiredException extends RuntimeException {

    private final Duration maxAge;

    public ReauthenticationRequiredException(String detail, Duration maxAge) {
        super(detail, null, false, false);
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
