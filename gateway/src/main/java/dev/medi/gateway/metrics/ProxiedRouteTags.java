package dev.medi.gateway.metrics;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/**
 * Tags the HTTP server metric of a forwarded request with its route template ({@code /api/v1/patients/*}), never
 * with the path it came with. Paths carry patient, note and document ids, and any caller could otherwise fill the
 * 100 {@code uri} tags Micrometer keeps with paths of their own. Quarkus takes a Vert.x route's template when it
 * has parameters, but the proxy's prefix routes have none, so the proxy marks each request it forwards
 * ({@link #mark}) and this contributor replaces the {@code uri} tag (a contributed tag wins over one of the same key).
 */
@Singleton
public class ProxiedRouteTags implements HttpServerMetricsTagsContributor {

    /** Key of the route template in the request's (duplicated) Vert.x context. */
    static final String ROUTE_TEMPLATE = "medi.gateway.route-template";

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
        return template == null ? Tags.empty() : Tags.of("uri", template);
    }
}
