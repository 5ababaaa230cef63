package dev.medi.platform.defaults;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids: taken from the caller's {@code X-Request-Id} when it is well-formed, otherwise generated,
 * then echoed in the response, put in the log context, passed on to upstream calls and problem bodies.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Key of the id in the log MDC. */
    public static final String MDC_KEY = "requestId";

    // Restrictive on purpose: the id is logged, so it must not carry free text from the caller.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    public static String acceptOrGenerate(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private RequestIds() {
    }
}
