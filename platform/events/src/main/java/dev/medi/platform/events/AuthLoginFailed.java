package dev.medi.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@link AuthEvents#LOGIN_FAILED}, a security event. For a name that is no account nothing identifying is
 * recorded (the typed name may be a password typed into the wrong field): then {@code userId} is absent.
 *
 * @param userId the account, or {@code null} (absent on the wire) for an unknown name
 * @param reason {@code unknown-account}, {@code wrong-password}, {@code wrong-second-factor} or {@code disabled}
 * @param at     when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthLoginFailed(UUID userId, String reason, Instant at) {

    /** The Kafka key and subject of a failure without an account. */
    public static final String UNKNOWN_ACCOUNT = "unknown-account";

    /** The key: the account, or {@link #UNKNOWN_ACCOUNT}. */
    public String key() {
        return userId == null ? UNKNOWN_ACCOUNT : userId.toString();
    }
}
