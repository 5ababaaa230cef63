package dev.medi.auth.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A hospital system to register, with the scopes it may request. */
public record RegisterClientRequest(
        @NotBlank @Size(max = 128) String name,
        @NotEmpty Set<@NotNull @Pattern(regexp = "patient\\.read|patient\\.write|queue\\.read|queue\\.write") String> scopes) {
}
