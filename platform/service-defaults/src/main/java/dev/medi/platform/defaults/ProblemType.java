package dev.medi.platform.defaults;

import java.net.URI;

/**
 * The kinds of error the platform answers with, each with its stable {@code type} URI and status. Services add
 * their own kinds by implementing {@link ProblemKind}, not by adding constants here.
 */
public enum ProblemType implements ProblemKind {
    VALIDATION("validation", "Request validation failed", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    /** The password was right; the account also needs its one-time code (TOTP). */
    SECOND_FACTOR_REQUIRED("second-factor-required", "Second factor required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    /** An {@code Idempotency-Key} was sent again with a different request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key used for a different request", 422),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request address too long", 414),
    HEADER_FIELDS_TOO_LARGE("header-fields-too-large", "Request headers too large", 431),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    BAD_GATEWAY("bad-gateway", "Upstream service failed", 502),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    GATEWAY_TIMEOUT("gateway-timeout", "Upstream service timed out", 504),
    HTTP_ERROR("http-error", "Request failed", 400);

    /** Base of every problem type URI (the same as {@link ProblemKind#BASE}). */
    public static final String BASE = ProblemKind.BASE;

    private final String slug;
    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }

    /** The kind that a bare HTTP status stands for. */
    public static ProblemType forStatus(int status) {
        if (status == 400) {
            return MALFORMED_REQUEST;
        }
        for (ProblemType type : values()) {
            if (type.status == status && type != HTTP_ERROR) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : HTTP_ERROR;
    }
}
