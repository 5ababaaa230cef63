package dev.medi.platform.defaults.input;

import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Map;

/**
 * Request-line, header and streamed-body limits answered with problem+json, before any resource runs.
 *
 * <p>Netty refuses a too-long URI (414) or too-large headers (431) inside the HTTP codec, before any
 * route, with an empty body, and Quarkus 3.33 offers no hook there (Vert.x's {@code invalidRequestHandler}
 * belongs to the server Quarkus creates). So the codec's limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set above ours and this route enforces ours with a problem body. Only what
 * exceeds even the codec's limits, or is not HTTP at all (malformed request line: 400), still gets Vert.x's
 * bare answer.
 *
 * <p>A body sent without {@code Content-Length} (chunked) is read here with Vert.x Web's {@link BodyHandler},
 * which fails with 413 once it passes {@code medi.http.max-body-size}; the failure handler turns that into
 * problem+json. Quarkus REST then uses the body read here. Not for multipart and form bodies (the body
 * handler would consume them differently) nor for the gateway, which streams bodies to the services and
 * counts them itself ({@code medi.http.limit-streamed-bodies=false} there).
 */
@Singleton
public class RequestLimits {

    /** Right after the request id and the declared-length check of HttpDefaults (-1000, -999). */
    static final int ORDER = -990;

    @ConfigProperty(name = "medi.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @ConfigProperty(name = "medi.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "medi.http.max-header-size", defaultValue = "20K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "medi.http.limit-streamed-bodies", defaultValue = "true")
    boolean limitStreamedBodies;

    void installRoutes(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkRequestHead);
        if (limitStreamedBodies) {
            BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue())
                    .setMergeFormAttributes(false);
            router.route().order(ORDER + 1).handler(ctx -> {
                if (streamed(ctx.request())) {
                    bodies.handle(ctx);
                } else {
                    ctx.next();
                }
            });
        }
    }

    void checkRequestHead(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            refuse(ctx, ProblemType.URI_TOO_LONG, "The request address is longer than " + maxUriLength + " characters.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            refuse(ctx, ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaderSize.asLongValue() / 1024 + " KiB.");
            return;
        }
        // the only way a NUL reaches a query or path parameter (a raw NUL is not valid HTTP); "%00" has no case
        if (request.uri().contains("%00")) {
            ProblemResponses.end(ctx.response(), request, ProblemType.VALIDATION,
                    "The request address contains a character that cannot be stored (NUL).");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, ProblemType type, String detail) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ProblemResponses.end(ctx.response(), ctx.request(), type, detail);
    }

    /** A body of unknown length (chunked), other than a form. */
    static boolean streamed(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            return false;
        }
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return !lower.startsWith("multipart/") && !lower.startsWith("application/x-www-form-urlencoded");
    }
}
