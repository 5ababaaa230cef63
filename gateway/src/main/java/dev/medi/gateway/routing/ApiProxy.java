package dev.medi.gateway.routing;

import dev.medi.gateway.client.UpstreamHttpClient;
import dev.medi.gateway.config.GatewayConfig;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
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

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Forwards each configured path prefix to its service with Vert.x's reverse proxy. Runs after the HTTP
 * security layer, so only requests with a valid token get through; the token, the request id and the
 * body go on unchanged. An unreachable service becomes a 502 problem.
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

    /** The edge's body limit; bodies of unknown length are counted on the way ({@link StreamedBodyLimit}). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "medi.http.max-body-size", defaultValue = "11M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    ApiProxy(GatewayConfig config, UpstreamHttpClient upstreamClient) {
        this.config = config;
        this.upstreamClient = upstreamClient;
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
                    .addInterceptor(new UpstreamFailure(route.getKey()));
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : route.getValue()) {
                router.route(prefix).handler(handler);
                router.route(prefix + "/*").handler(handler);
            }
            Log.infof("routing %s to %s", route.getValue(), route.getKey());
        }
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

    /** A service that cannot be reached answers with a problem body instead of an empty 502. */
    static final class UpstreamFailure implements ProxyInterceptor {
        private final String service;

        UpstreamFailure(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
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
            });
        }
    }
}
