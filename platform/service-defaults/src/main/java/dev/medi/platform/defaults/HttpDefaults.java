package dev.medi.platform.defaults;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
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

    void installRoutes(@Observes Router router) {
        router.route().order(REQUEST_ID_ORDER).handler(HttpDefaults::assignRequestId);
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
