package dev.medi.auth.rest;

import jakarta.validation.constraints.NotNull;

/** Whether holders of the role must use a second factor. */
public record RolePolicyRequest(@NotNull Boolean secondFactorRequired) {
}
