package dev.medi.platform.events;

import java.util.List;

/**
 * The events auth-service publishes on {@link Topics#AUTH_EVENTS}, keyed by the account (so one account's events
 * stay in order); schema {@code schemas/medi.auth.events.v1.json}.
 */
public final class AuthEvents {

    public static final EventType<AuthLoginSucceeded> LOGIN_SUCCEEDED = EventType.of(Topics.AUTH_EVENTS,
            EventTypes.AUTH_LOGIN_SUCCEEDED, EventSources.AUTH_SERVICE, AuthLoginSucceeded.class,
            data -> data.userId().toString());

    /** A security event; keyed {@link AuthLoginFailed#UNKNOWN_ACCOUNT} when the name is no account. */
    public static final EventType<AuthLoginFailed> LOGIN_FAILED = EventType.of(Topics.AUTH_EVENTS,
            EventTypes.AUTH_LOGIN_FAILED, EventSources.AUTH_SERVICE, AuthLoginFailed.class, AuthLoginFailed::key);

    /** Keyed by the account, about the session (subject = the session id). */
    public static final EventType<AuthSessionRevoked> SESSION_REVOKED = EventType.of(Topics.AUTH_EVENTS,
            EventTypes.AUTH_SESSION_REVOKED, EventSources.AUTH_SERVICE, AuthSessionRevoked.class,
            (AuthSessionRevoked data) -> data.userId().toString()).withSubject(data -> data.sessionId().toString());

    public static final EventType<AuthUserSnapshot> USER_CREATED = userEvent(EventTypes.AUTH_USER_CREATED);

    /** Roles, departments or the second factor changed, or the account was enabled again. */
    public static final EventType<AuthUserSnapshot> USER_CHANGED = userEvent(EventTypes.AUTH_USER_CHANGED);

    /** The account may no longer sign in; its sessions were revoked in the same transaction. */
    public static final EventType<AuthUserSnapshot> USER_DISABLED = userEvent(EventTypes.AUTH_USER_DISABLED);

    /** Every auth event type, for a consumer's reader. */
    public static final List<EventType<?>> ALL = List.of(LOGIN_SUCCEEDED, LOGIN_FAILED, SESSION_REVOKED, USER_CREATED,
            USER_CHANGED, USER_DISABLED);

    private static EventType<AuthUserSnapshot> userEvent(String type) {
        return EventType.of(Topics.AUTH_EVENTS, type, EventSources.AUTH_SERVICE, AuthUserSnapshot.class,
                data -> data.userId().toString());
    }

    private AuthEvents() {
    }
}
