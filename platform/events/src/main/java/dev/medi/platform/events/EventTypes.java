package dev.medi.platform.events;

/**
 * CloudEvents {@code type} values. Pattern: {@code medi.<context>.<aggregate>.<past-tense-verb>.v<n>}.
 * Queue events are described by {@link QueueEvents}; their constants here remain for consumers not yet moved.
 */
public final class EventTypes {


    public static final String AUTH_LOGIN_SUCCEEDED = "medi.auth.login.succeeded.v1";
    public static final String AUTH_LOGIN_FAILED = "medi.auth.login.failed.v1";
    /** A refresh-token family was revoked: logout, timeout, or reuse of a rotated token (a security event). */
    public static final String AUTH_SESSION_REVOKED = "medi.auth.session.revoked.v1";
    public static final String AUTH_USER_CREATED = "medi.auth.user.created.v1";
    public static final String AUTH_USER_CHANGED = "medi.auth.user.changed.v1";
    public static final String AUTH_USER_DISABLED = "medi.auth.user.disabled.v1";

    /** An {@link AuditRecord} on {@link Topics#AUDIT}. */
    public static final String AUDIT_RECORDED = "medi.audit.recorded.v1";

    private EventTypes() {
    }
}
