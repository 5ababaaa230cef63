package dev.medi.gateway.routing;

import dev.medi.gateway.client.UpstreamHttpClient;
import dev.medi.gateway.config.GatewayConfig;
import dev.medi.gateway.metrics.ProxiedRouteTags;
import dev.medi.gateway.fanout.Revocations;
import dev.medi.gateway.fanout.StreamToken;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.RequestIds;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forwards each configured path prefix to its service with Vert.x's reverse proxy. Runs after the HTTP
 * security layer, so only requests with a valid token get through; the token, the request id and the
 * body go on unchanged. An unreachable service becomes a 502 problem, after one retry where a retry cannot
 * repeat anything ({@link UpstreamFailure}).
 *
 * <p>Installed after every other route (observer priority): a route the gateway serves itself below a
 * forwarded prefix, like the public board stream below {@code /api/v1/public/boards}, is matched first.
 */
@Singleton
public class ApiProxy {

    /** After the default observer priority, so the gateway's own routes are registered (and matched) first. */
    static final int ROUTES_PRIORITY = Interceptor.Priority.LIBRARY_AFTER;

    private final GatewayConfig config;
    private final UpstreamHttpClient upstreamClient;
    private final Revocations revocations;

    /** The edge's body limit; bodies of unknown length are counted on the way ({@link StreamedBodyLimit}). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "medi.http.max-body-size", defaultValue = "11M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    ApiProxy(GatewayConfig config, UpstreamHttpClient upstreamClient, Revocations revocations) {
        this.config = config;
        this.upstreamClient = upstreamClient;
        this.revocations = revocations;
    }

    void installRoutes(@Observes @Priority(ROUTES_PRIORITY) Router router) {
        for (Map.Entry<String, List<String>> route : config.routes().entrySet()) {
            URI upstream = config.services().get(route.getKey());
            if (upstream == null) {
                throw new IllegalStateException("medi.gateway.routes." + route.getKey() + " has no medi.gateway.services entry");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(upstreamClient.client())
                    .origin(upstream.getPort(), upstream.getHost())
                    .addInterceptor(new StreamedBodyLimit(maxBodySize.asLongValue()))
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new OneRequestId())
                    .addInterceptor(new UpstreamFailure(route.getKey()));
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : route.getValue()) {
                router.route(prefix).handler(ctx -> tagRoute(ctx, prefix)).handler(this::refuseEndedSessions).handler(handler);
                router.route(prefix + "/*").handler(ctx -> tagRoute(ctx, prefix)).handler(this::refuseEndedSessions)
                        .handler(handler);
            }
            Log.infof("routing %s to %s", route.getValue(), route.getKey());
        }
    }

    /** The request's metrics carry the route's template, never its path (ids). */
    private static void tagRoute(RoutingContext ctx, String prefix) {
        ProxiedRouteTags.mark(ProxiedRouteTags.template(prefix, ctx.normalizedPath()));
        ctx.next();
    }

    /**
     * A token of a session that was signed out or revoked, or of a user disabled after it was issued, is refused
     * here although it has not expired: auth-service's events reach the gateway within about a second
     * ({@link Revocations}, the same memory that ends live streams). Without this, a signed-out token would keep
     * working for ordinary requests until its {@code exp}, up to 10 minutes. Tokens without a session (hospital
     * systems' client credentials) are unaffected.
     */
    private void refuseEndedSessions(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token
                && revocations.refuses(StreamToken.of(token))) {
            ProblemResponses.end(ctx.response(), ctx.request(), ProblemType.UNAUTHORIZED,
                    "This sign-in session has ended. Sign in again.");
            return;
        }
        ctx.next();
    }

    /** Tells the service who really called (the proxy hides the client's address). */
    static final class ForwardedHeaders implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            if (incoming.remoteAddress() != null) {
                context.request().headers().set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
            }
            context.request().headers().set("X-Forwarded-Proto", incoming.scheme());
            if (incoming.authority() != null) {
                context.request().headers().set("X-Forwarded-Host", incoming.authority().toString());
            }
            return context.sendRequest();
        }
    }

    /**
     * The gateway gave the request its id and sent it on; the service echoes the same id. The proxy adds the
     * service's headers to the gateway's answer, which already carries it: keep one.
     */
    static final class OneRequestId implements ProxyInterceptor {
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().remove(RequestIds.HEADER);
            return context.sendResponse();
        }
    }

    /**
     * A service that cannot be reached answers with a problem body instead of an empty 502. Before that, one
     * retry (on another connection) where it cannot do anything twice:
     * <ul>
     *   <li>the connection could not be opened at all ({@link ConnectException}): nothing was sent;</li>
     *   <li>the connection closed or was reset before any answer ({@link HttpClosedException}, an I/O error) and
     *       the request is a safe one without a body (GET, HEAD, OPTIONS): repeating it changes nothing.</li>
     * </ul>
     * A POST, PUT, PATCH or DELETE on a connection that closed is not repeated: the service may have received it.
     * (The client's keep-alive timeout, shorter than the services' idle timeout, keeps that case rare;
     * see {@link UpstreamHttpClient}.)
     */
    static final class UpstreamFailure implements ProxyInterceptor {
        private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

        private final String service;

        UpstreamFailure(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                if (!retryable(context, failure)) {
                    return badGateway(context, failure);
                }
                Log.infof("upstream %s: %s before an answer, sending the request again", service,
                        failure.getClass().getSimpleName());
                if (!(failure instanceof ConnectException)) {
                    context.request().setBody(null); // a safe request without a body: nothing to stream again
                }
                return context.sendRequest().recover(again -> badGateway(context, again));
            });
        }

        static boolean retryable(ProxyContext context, Throwable failure) {
            if (failure instanceof ConnectException) {
                return true;
            }
            // closed or reset before the answer began (a timeout is not retried: the service may just be slow)
            boolean closedBeforeAnswer = failure instanceof HttpClosedException || failure instanceof IOException;
            return closedBeforeAnswer && SAFE.contains(context.request().getMethod())
                    && !hasBody(context.request().proxiedRequest());
        }

        private static boolean hasBody(HttpServerRequest request) {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                    || (length != null && !"0".equals(length.strip()));
        }

        private Future<ProxyResponse> badGateway(ProxyContext context, Throwable failure) {
            Log.warnf("upstream %s unreachable: %s", service, failure.getClass().getSimpleName());
            ProxyResponse response = context.request().response();
            var problem = ProblemResponses.problem(ProblemType.BAD_GATEWAY,
                    "The " + service + " service is unavailable. Try again shortly.",
                    context.request().proxiedRequest(), null);
            response.setStatusCode(ProblemType.BAD_GATEWAY.status());
            response.headers().clear();
            response.putHeader("Content-Type", "application/problem+json");
            response.setBody(Body.body(Buffer.buffer(Json.encode(problem))));
            return Future.succeededFuture(response);
        }
    }
}
