package dev.medi.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param refreshTokenIn where the refresh token goes: {@code COOKIE} (browsers, the default: an HttpOnly
 *                       cookie scripts cannot read) or {@code BODY} (API clients)
 */
public record LoginRequest(
        @NotBlank @Size(max = 128) String username,
        @NotBlank @Size(max = 128) String password,
        RefreshTokenDelivery refreshTokenIn) {

    public enum RefreshTokenDelivery { COOKIE, BODY }
}
