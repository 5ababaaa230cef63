package dev.medi.auth.messaging;

import dev.medi.auth.RefreshSession;
import dev.medi.auth.RefreshSession.EndReason;
import dev.medi.auth.User;
import dev.medi.platform.events.AuthEvents;
import dev.medi.platform.events.AuthLoginFailed;
import dev.medi.platform.events.AuthLoginSucceeded;
import dev.medi.platform.events.AuthSessionRevoked;
import dev.medi.platform.events.AuthUserSnapshot;
import dev.medi.platform.events.EventType;
import dev.medi.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Everything auth-service announces on {@code medi.auth.events.v1}, appended to the outbox through the catalogue's
 * descriptors ({@link AuthEvents}). Call inside the transaction of the change; the commit publishes it.
 */
@ApplicationScoped
public class AuthEventPublisher {

    private final Outbox outbox;

    AuthEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> loginSucceeded(User user, Instant at) {
        return append(AuthEvents.LOGIN_SUCCEEDED, new AuthLoginSucceeded(user.id(), at));
    }

    /**
     * A failed sign-in; {@code user} is {@code null} for a name that is no account, and then nothing identifying is
     * recorded.
     */
    public Uni<Void> loginFailed(User user, String reason, Instant at) {
        return append(AuthEvents.LOGIN_FAILED, new AuthLoginFailed(user == null ? null : user.id(), reason, at));
    }

    public Uni<Void> sessionRevoked(RefreshSession session, EndReason reason, Instant at) {
        return append(AuthEvents.SESSION_REVOKED, new AuthSessionRevoked(session.id(), session.userId(), reason.name(), at));
    }

    public Uni<Void> userCreated(User user) {
        return append(AuthEvents.USER_CREATED, snapshot(user, null));
    }

    /** An admin's change; {@code disabled} when it disabled the account. */
    public Uni<Void> userChanged(User user, boolean disabled) {
        return append(disabled ? AuthEvents.USER_DISABLED : AuthEvents.USER_CHANGED, snapshot(user, null));
    }

    /** The second factor was enabled, disabled or reset: a user change that says whether it is on now. */
    public Uni<Void> secondFactorChanged(User user) {
        return append(AuthEvents.USER_CHANGED, snapshot(user, user.totpEnabled()));
    }

    private static AuthUserSnapshot snapshot(User user, Boolean secondFactor) {
        return new AuthUserSnapshot(user.id(), user.roles(), user.departments(), user.active(), secondFactor);
    }

    private <T> Uni<Void> append(EventType<T> type, T data) {
        return outbox.append(type, data).replaceWithVoid();
    }
}
