package dev.medi.gateway.metrics;

import dev.medi.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tags the HTTP server metric of a forwarded request with its route template ({@code /api/v1/patients/*}), never
 * with the path it came with. Paths carry patient, note and document ids, and any caller could otherwise fill the
 * 100 {@code uri} tags Micrometer keeps with paths of their own. Quarkus takes a Vert.x route's template when it
 * has parameters, but the proxy's prefix routes have none, so the proxy marks each request it forwards
 * ({@link #mark}) and this contributor replaces the {@code uri} tag (a contributed tag wins over one of the same key).
 * <p>
 * A request can be measured without the mark: one whose connection the caller reset while it was being forwarded
 * is recorded outside the context the mark was put in (seen on the running stack: a reset request's raw path, id and
 * all, became a tag). Such a request is tagged from the configured route prefixes instead.
 */
@Singleton
public class ProxiedRouteTags implements HttpServerMetricsTagsContributor {

    /** Key of the route template in the request's (duplicated) Vert.x context. */
    static final String ROUTE_TEMPLATE = "medi.gateway.route-template";

    /** Every forwarded prefix, longest first, so the most specific one names a path. */
    private final List<String> prefixes;

    ProxiedRouteTags(GatewayConfig config) {
        this.prefixes = config.routes().values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Records {@code template} as the metric path of the request being handled on the current context. */
    public static void mark(String template) {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(ROUTE_TEMPLATE, template);
        }
    }

    /** The template of {@code path} forwarded by a route with {@code prefix}: the prefix, or everything below it. */
    public static String template(String prefix, String path) {
        return path.length() <= prefix.length() ? prefix : prefix + "/*";
    }

    @Override
    public Tags contribute(HttpServerMetricsTagsContributor.Context context) {
        String template = context.requestContextLocalData(ROUTE_TEMPLATE);
        if (template == null) {
            template = templateOf(context.request()).orElse(null);
        }
        return template == null ? Tags.empty() : Tags.of("uri", template);
    }

    /** The template of the forwarded route {@code request}'s path falls under, if any (whole segments only). */
    Optional<String> templateOf(HttpServerRequest request) {
        String path = request == null ? null : request.path();
        if (path == null) {
            return Optional.empty();
        }
        return prefixes.stream()
                .filter(prefix -> path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"))
                .findFirst()
                .map(prefix -> template(prefix, path));
    }
}
