package dev.medi.platform.events;

/**
 * CloudEvents {@code type} values. Pattern: {@code medi.<context>.<aggregate>.<past-tense-verb>.v<n>}.
 * Queue events are described by {@link QueueEvents}; their constants here remain for consumers not yet moved.
 */
public final class EventTypes {

    /** @deprecated use {@link QueueEvents#CHECKED_IN}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_CHECKED_IN = "medi.queue.entry.checked-in.v1";
    /** @deprecated use {@link QueueEvents#TRIAGED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_TRIAGED = "medi.queue.entry.triaged.v1";
    /** @deprecated use {@link QueueEvents#CALLED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_CALLED = "medi.queue.entry.called.v1";
    /** @deprecated use {@link QueueEvents#CONSULTATION_STARTED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_CONSULTATION_STARTED = "medi.queue.entry.consultation-started.v1";
    /** @deprecated use {@link QueueEvents#FINISHED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_FINISHED = "medi.queue.entry.finished.v1";
    /** @deprecated use {@link QueueEvents#TRANSFERRED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_TRANSFERRED = "medi.queue.entry.transferred.v1";
    /** @deprecated use {@link QueueEvents#TRANSFERRED_IN}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_TRANSFERRED_IN = "medi.queue.entry.transferred-in.v1";
    /** @deprecated use {@link QueueEvents#LEFT_WITHOUT_BEING_SEEN}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_LEFT_WITHOUT_BEING_SEEN = "medi.queue.entry.left-without-being-seen.v1";
    /** @deprecated use {@link QueueEvents#NO_SHOW}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_NO_SHOW = "medi.queue.entry.no-show.v1";
    /** @deprecated use {@link QueueEvents#CANCELLED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_CANCELLED = "medi.queue.entry.cancelled.v1";
    /** @deprecated use {@link QueueEvents#PRIORITY_OVERRIDDEN}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_PRIORITY_OVERRIDDEN = "medi.queue.entry.priority-overridden.v1";
    /** @deprecated use {@link QueueEvents#REPRIORITISED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_REPRIORITISED = "medi.queue.entry.reprioritised.v1";
    /** @deprecated use {@link QueueEvents#SLA_BREACHED}{@code .type()} */
    @Deprecated
    public static final String QUEUE_ENTRY_SLA_BREACHED = "medi.queue.entry.sla-breached.v1";

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
