package dev.medi.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends what. */
@ConfigMapping(prefix = "medi.gateway")
public interface GatewayConfig {

    /** Base URL per upstream service name. */
    Map<String, URI> services();

    /** Path prefixes per upstream service name; each prefix and everything below it is forwarded. */
    Map<String, List<String>> routes();

    Upstream upstream();

    interface Upstream {
        Duration connectTimeout();

        Duration idleTimeout();

        int maxConnections();
    }
}
