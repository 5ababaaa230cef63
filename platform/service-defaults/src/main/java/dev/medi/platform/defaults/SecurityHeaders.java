package dev.medi.platform.defaults;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * Security headers on every answer of every service (ASVS 5.0 V3.4, V14.3), added just before the headers are
 * written and only where the answer did not set the header itself, so a resource's or an upstream service's own
 * value wins and a proxied answer never carries a header twice:
 * <ul>
 *   <li>{@code Cache-Control: no-store} below {@code /api/} and {@code /fhir/}: those answers carry patient data
 *       (or tokens), which must stay out of browser and shared caches;</li>
 *   <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} everywhere;</li>
 *   <li>a Content-Security-Policy with {@code frame-ancestors 'none'} (and {@code X-Frame-Options: DENY} for old
 *       browsers): for HTML pages, scripts, styles and connections from this origin only; for everything else
 *       nothing at all, since an API answer is never a document to render;</li>
 *   <li>{@code Strict-Transport-Security} on answers to HTTPS requests, also when TLS ended at a proxy in front
 *       ({@code X-Forwarded-Proto: https}); browsers ignore it over plain HTTP (RFC 6797 §8.1).</li>
 * </ul>
 */
@Singleton
public class SecurityHeaders {

    /** Before the request id and the body limit, so that answers those handlers end early get the headers too. */
    static final int ORDER = HttpDefaults.REQUEST_ID_ORDER - 1;

    static final String NO_STORE = "no-store";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @ConfigProperty(name = "medi.http.content-security-policy", defaultValue = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'")
    String htmlPolicy;

    @ConfigProperty(name = "medi.http.strict-transport-security", defaultValue = "max-age=31536000; includeSubDomains")
    String strictTransportSecurity;

    void installRoutes(@Observes Router router) {
        router.route().order(ORDER).handler(this::addOnHeadersEnd);
    }

    void addOnHeadersEnd(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean patientData = carriesPatientData(request.path());
        boolean secure = request.isSSL() || "https".equalsIgnoreCase(firstValue(request.getHeader("X-Forwarded-Proto")));
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), patientData, secure));
        ctx.next();
    }

    void apply(MultiMap headers, boolean patientData, boolean secure) {
        if (patientData) {
            setIfAbsent(headers, HttpHeaders.CACHE_CONTROL.toString(), NO_STORE);
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Content-Security-Policy", isHtml(headers) ? htmlPolicy : API_POLICY);
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        if (secure) {
            setIfAbsent(headers, "Strict-Transport-Security", strictTransportSecurity);
        }
    }

    /** The API and FHIR answers; the SPA, the board page and the key set are not patient data. */
    static boolean carriesPatientData(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/fhir/")
                || path.equals("/fhir"));
    }

    private static boolean isHtml(MultiMap headers) {
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }
}
