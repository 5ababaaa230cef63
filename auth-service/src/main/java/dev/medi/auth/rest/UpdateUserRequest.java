package dev.medi.auth.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;
import java.util.UUID;

/** Changes to an account; absent fields stay as they are. {@code active=false} disables the account. */
public record UpdateUserRequest(
        @Email @Size(max = 254) String email,
        @Size(min = 1, max = 128) String displayName,
        @Size(min = 1) Set<@NotNull @Pattern(regexp = Roles.PATTERN) String> roles,
        @Size(max = 50) Set<@NotNull UUID> departments,
        Boolean active) {
}
