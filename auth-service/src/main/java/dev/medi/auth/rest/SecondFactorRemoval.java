package dev.medi.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Switching the second factor off re-checks the password (OWASP ASVS V6: re-authentication). */
public record SecondFactorRemoval(@NotBlank @Size(max = 128) String currentPassword) {
}
