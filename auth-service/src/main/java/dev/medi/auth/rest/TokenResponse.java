package dev.medi.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OAuth 2-style token response; {@code refreshToken} only when it was asked for in the body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}
