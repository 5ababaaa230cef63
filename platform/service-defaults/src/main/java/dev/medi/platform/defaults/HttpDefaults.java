package dev.medi.platform.defaults;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Vert.x-level defaults that JAX-RS mappers cannot cover: the request id on every request, and
 * problem bodies for errors raised outside resources (token rejected by the HTTP security layer,
 * no route, body too large, proxy failures).
 */
@Singleton
public class HttpDefaults {

    /** Runs before everything else so that even a rejected request has an id. */
    static final int REQUEST_ID_ORDER = -1000;

    /** Right after the request id, before security and body reading. */
    static final int BODY_LIMIT_ORDER = REQUEST_ID_ORDER + 1;

    /**
     * Bodies declared larger than this are refused with a problem body. Quarkus's own limit
     * ({@code quarkus.http.limits.max-body-size}) answers before any route with an empty 413, so it is set
     * above this one and only catches chunked bodies that declare no length.
     */
    @ConfigProperty(name = "medi.http.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    void installRoutes(@Observes Router router) {
        router.route().order(REQUEST_ID_ORDER).handler(HttpDefaults::assignRequestId);
        router.options().order(REQUEST_ID_ORDER).handler(HttpDefaults::exactAllowOnOptions);
        long limit = maxBodySize.asLongValue();
        router.route().order(BODY_LIMIT_ORDER).handler(ctx -> rejectOversizedBody(ctx, limit));
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpDefaults::problemOnFailure);
    }

    static void assignRequestId(RoutingContext ctx) {
        String id = RequestIds.acceptOrGenerate(ctx.request().getHeader(RequestIds.HEADER));
        // Set on the request too: resources, mappers and the gateway proxy read it from there.
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
        ctx.next();
    }

    /**
     * Quarkus REST answers OPTIONS with every method of the resource class, not of the path asked about: the
     * {@code Allow} it sends is replaced by the path's own methods ({@link AllowedMethods}, as on a 405).
     */
    static void exactAllowOnOptions(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().headers().contains(HttpHeaders.ALLOW)) {
                String allow = AllowedMethods.forPath(ctx.request().path());
                if (allow != null) {
                    ctx.response().putHeader(HttpHeaders.ALLOW, allow);
                }
            }
        });
        ctx.next();
    }

    static void rejectOversizedBody(RoutingContext ctx, long limit) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    // the body is not read: close the connection after the answer rather than drain it
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + limit / 1024 + " KiB.");
                    return;
                }
            } catch (NumberFormatException e) {
                ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.MALFORMED_REQUEST,
                        "The Content-Length header is not a number.");
                return;
            }
        }
        ctx.next();
    }

    static void problemOnFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ProblemType type;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            type = ProblemType.UNAUTHORIZED;
        } else if (failure instanceof ForbiddenException) {
            type = ProblemType.FORBIDDEN;
        } else if (failure == null && ctx.statusCode() >= 400) {
            type = ProblemType.forStatus(ctx.statusCode());
        } else {
            // Anything else is a bug; Quarkus's own handler logs it and answers 500 without internals.
            if (failure != null) {
                Log.debugf("passing %s to the default failure handler", failure.getClass().getName());
            }
            ctx.next();
            return;
        }
        ProblemResponses.end(ctx.response(), ctx.request(), type, ProblemExceptionMappers.standardDetail(type));
    }
}
