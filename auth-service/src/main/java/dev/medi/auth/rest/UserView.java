package dev.medi.auth.rest;

import dev.medi.auth.User;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff account as the API shows it (never the password hash). */
public record UserView(UUID id, String username, String email, String displayName, List<String> roles,
                       List<UUID> departments, boolean active, boolean secondFactorEnabled, String theme, String locale,
                       Instant createdAt, long version) {

    static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.displayName(), user.roles(),
                user.departments(), user.active(), user.totpEnabled(), user.theme(), user.locale(), user.createdAt(), user.version());
    }
}
