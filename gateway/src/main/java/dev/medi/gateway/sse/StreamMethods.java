package dev.medi.gateway.sse;

import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Another method than GET on a stream's path answers 405 with {@code Allow: GET} (RFC 9110), as the services do; the
 * router would otherwise pass it on and answer 404.
 */
@Singleton
class StreamMethods {

    /** Before the streams' own GET routes, which it hands GET to. */
    static final int ORDER = -1;

    void installRoutes(@Observes Router router) {
        for (String path : List.of(QueueEventStream.PATH, BoardStream.PATH)) {
            router.route(path).order(ORDER).handler(ctx -> {
                if (ctx.request().method() == HttpMethod.GET) {
                    ctx.next();
                    return;
                }
                ctx.response().putHeader("Allow", "GET");
                ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.METHOD_NOT_ALLOWED,
                        "This resource does not support the method.");
            });
        }
    }
}
