package dev.medi.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param oneTimeCode    the 6-digit code of the user's authenticator app, for accounts with a second factor
 * @param refreshTokenIn where the refresh token goes: {@code COOKIE} (browsers, the default: an HttpOnly
 *                       cookie scripts cannot read) or {@code BODY} (API clients)
 */
public record LoginRequest(
        @NotBlank @Size(max = 128) String username,
        @NotBlank @Size(max = 128) String password,
        @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String oneTimeCode,
        RefreshTokenDelivery refreshTokenIn) {

    public enum RefreshTokenDelivery { COOKIE, BODY }
}
