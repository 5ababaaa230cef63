package dev.medi.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@link AuthEvents#LOGIN_SUCCEEDED}: an account signed in.
 *
 * @param userId the account
 * @param at     when
 */
public record AuthLoginSucceeded(UUID userId, Instant at) {
}
