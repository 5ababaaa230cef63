package dev.medi.gateway.routing;

import dev.medi.gateway.config.GatewayConfig;
import dev.medi.platform.defaults.ProblemResponses;
import dev.medi.platform.defaults.ProblemType;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Forwards each configured path prefix to its service with Vert.x's reverse proxy. Runs after the HTTP
 * security layer, so only requests with a valid token get through; the token, the request id and the
 * body go on unchanged. An unreachable service becomes a 502 problem.
 */
@Singleton
public class ApiProxy {

    private final GatewayConfig config;

    ApiProxy(GatewayConfig config) {
        this.config = config;
    }

    void installRoutes(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setIdleTimeout((int) config.upstream().idleTimeout().toSeconds())
                .setMaxPoolSize(config.upstream().maxConnections())
                .setKeepAlive(true));
        for (Map.Entry<String, List<String>> route : config.routes().entrySet()) {
            URI upstream = config.services().get(route.getKey());
            if (upstream == null) {
                throw new IllegalStateException("medi.gateway.routes." + route.getKey() + " has no medi.gateway.services entry");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(upstream.getPort(), upstream.getHost())
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
