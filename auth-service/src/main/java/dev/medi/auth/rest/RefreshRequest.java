package dev.medi.auth.rest;

import jakarta.validation.constraints.Size;

/** Body of refresh and logout for API clients; browsers send the cookie instead and no body. */
public record RefreshRequest(@Size(max = 256) String refreshToken) {
}
