package dev.medi.auth.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The first code from the authenticator app, proving it holds the new secret. */
public record SecondFactorConfirmation(@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
}
