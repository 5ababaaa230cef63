package dev.medi.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/** A new staff account. The initial password must satisfy the password policy. */
public record CreateUserRequest(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String displayName,
        @NotEmpty Set<@NotNull @Pattern(regexp = Roles.PATTERN) String> roles,
        @NotNull @Size(max = 50) Set<@NotNull UUID> departments,
        @NotBlank @Size(max = 128) String initialPassword) {
}
