package dev.medi.gateway.client;

import dev.medi.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The one connection pool to the upstream services: used by the reverse proxy and by the gateway's own calls. */
@Singleton
public class UpstreamHttpClient {

    private final HttpClient client;

    UpstreamHttpClient(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setIdleTimeout((int) config.upstream().idleTimeout().toSeconds())
                .setMaxPoolSize(config.upstream().maxConnections())
                .setKeepAlive(true));
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
