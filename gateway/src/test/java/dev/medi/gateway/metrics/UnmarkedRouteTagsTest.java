package dev.medi.gateway.metrics;

import dev.medi.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.observability.HttpResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A request measured without the proxy's mark (its caller reset the connection while it was forwarded: on the
 * running stack its raw path, with a patient id, became a {@code uri} tag) is tagged from the route prefixes.
 */
class UnmarkedRouteTagsTest {

    private final ProxiedRouteTags tags = new ProxiedRouteTags(config(Map.of(
            "patient", List.of("/api/v1/patients", "/api/v1/notes", "/fhir"),
            "queue", List.of("/api/v1/queues", "/api/v1/public/boards"))));

    @Test
    void anUnmarkedForwardedPathIsTaggedWithItsRouteNotItsId() {
        String id = UUID.randomUUID().toString();
        assertEquals("/api/v1/patients/*", uri("/api/v1/patients/" + id));
        assertEquals("/fhir/*", uri("/fhir/r4/Patient/" + id));
        assertEquals("/api/v1/notes", uri("/api/v1/notes"));
    }

    @Test
    void onlyWholeSegmentsMatchAPrefixAndOtherPathsKeepQuarkusTemplate() {
        // "/api/v1/queue/stream" is the gateway's own endpoint, not below "/api/v1/queues"
        assertFalse(contribute("/api/v1/queue/stream").stream().anyMatch(tag -> tag.getKey().equals("uri")));
        assertFalse(contribute("/api/v1/patientsX/1").stream().anyMatch(tag -> tag.getKey().equals("uri")));
    }

    private String uri(String path) {
        return contribute(path).stream().filter(tag -> tag.getKey().equals("uri")).map(Tag::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no uri tag for " + path));
    }

    private Tags contribute(String path) {
        HttpServerRequest request = (HttpServerRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServerRequest.class},
                (proxy, method, args) -> method.getName().equals("path") ? path : null);
        return tags.contribute(new HttpServerMetricsTagsContributor.Context() {
            @Override
            public HttpServerRequest request() {
                return request;
            }

            @Override
            public HttpResponse response() {
                return null;
            }

            @Override
            public <T> T requestContextLocalData(Object key) {
                return null; // the mark is missing
            }
        });
    }

    private static GatewayConfig config(Map<String, List<String>> routes) {
        return (GatewayConfig) Proxy.newProxyInstance(UnmarkedRouteTagsTest.class.getClassLoader(),
                new Class<?>[]{GatewayConfig.class},
                (proxy, method, args) -> method.getName().equals("routes") ? routes : null);
    }
}
