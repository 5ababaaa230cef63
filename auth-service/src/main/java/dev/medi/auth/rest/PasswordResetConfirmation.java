package dev.medi.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from the reset link and the new password. */
public record PasswordResetConfirmation(
        @NotBlank @Size(max = 256) String token,
        @NotBlank @Size(max = 128) String newPassword) {
}
