package dev.medi.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * Data of {@link AuthEvents#USER_CREATED}, {@link AuthEvents#USER_CHANGED} and {@link AuthEvents#USER_DISABLED}: what
 * other services may know of an account (no name, no e-mail address).
 *
 * @param userId       the account
 * @param roles        its roles
 * @param departments  the departments it works in
 * @param active       whether it may sign in
 * @param secondFactor whether it signs in with a second factor; only in events of second-factor changes, else
 *                     {@code null} (absent on the wire)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthUserSnapshot(UUID userId, List<String> roles, List<UUID> departments, boolean active,
                               Boolean secondFactor) {
}
