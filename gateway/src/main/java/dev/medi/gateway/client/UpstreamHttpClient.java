package dev.medi.gateway.client;

import dev.medi.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The one connection pool to the upstream services: used by the reverse proxy and by the gateway's own calls.
 * Idle connections leave the pool after {@code keep-alive-timeout}, before a service's server could close them
 * (see {@link GatewayConfig.Upstream#keepAliveTimeout()}).
 */
@Singleton
public class UpstreamHttpClient {

    /** How often the pool closes connections whose keep-alive time has passed. */
    static final int POOL_CLEANER_PERIOD_MILLIS = 1000;

    private final HttpClient client;

    UpstreamHttpClient(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(options(config.upstream()));
    }

    static HttpClientOptions options(GatewayConfig.Upstream upstream) {
        return new HttpClientOptions()
                .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                .setIdleTimeout((int) upstream.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, upstream.keepAliveTimeout().toSeconds()))
                .setPoolCleanerPeriod(POOL_CLEANER_PERIOD_MILLIS)
                .setMaxPoolSize(upstream.maxConnections());
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
