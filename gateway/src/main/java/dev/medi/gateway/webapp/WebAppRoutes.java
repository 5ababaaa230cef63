package dev.medi.gateway.webapp;

import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Serves the clinic web app (built from {@code src/main/webui} into {@code META-INF/resources}) the way a
 * single-page app needs:
 * <ul>
 *   <li>its document, {@code index.html}, at {@code /} and at every deep link ({@code /nurse/triage},
 *       {@code /reset-password?token=…}): a browser navigation (GET accepting {@code text/html}) to a path that is
 *       neither a file nor below a prefix of the API, the streams, the board or the assets gets the document, and
 *       the app's router shows the screen. Anything else (an unknown {@code /api/…} path, a script asking for JSON)
 *       goes on to the routes behind, which answer 404 as before;</li>
 *   <li>the document with {@code Cache-Control: no-cache} (a new release is seen on the next load) and the app's
 *       Content-Security-Policy: scripts from this origin only (no inline scripts), inline styles allowed (the
 *       component library sets styles at run time), {@code blob:} frames and images (PDF previews),
 *       {@code frame-ancestors 'none'};</li>
 *   <li>the hashed files under {@code /assets/} with {@code Cache-Control: public, max-age=31536000, immutable}:
 *       their names change with their content.</li>
 * </ul>
 * nosniff, no-referrer and X-Frame-Options come from the platform's security headers, as on every answer.
 * A gateway built without the app ({@code -Dwebui.skip}) has no document and serves the API only.
 */
@Singleton
public class WebAppRoutes {

    /** After the platform's request id, security headers and request limits; before the static files. */
    static final int ORDER = -900;

    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    /** Paths that are never the app's: the API, FHIR, the live streams, management, the key set, the board. */
    private static final List<String> NOT_THE_APP = List.of("/api", "/fhir", "/ws", "/q", "/.well-known", "/board", "/assets");
    private static final String STATIC_ROOT = "META-INF/resources";

    private final String indexLocation;
    private Buffer index;

    WebAppRoutes(@ConfigProperty(name = "medi.webapp.index", defaultValue = STATIC_ROOT + "/index.html")
                 String indexLocation) {
        this.indexLocation = indexLocation;
    }

    void installRoutes(@Observes Router router) {
        index = readIndex();
        router.route("/assets/*").order(ORDER).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(WebAppRoutes::immutable);
        if (index == null) {
            Log.infof("no web app in this build (%s missing): serving the API only", indexLocation);
            return;
        }
        router.route().order(ORDER).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::documentOrNext);
    }

    private static void immutable(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            int status = ctx.response().getStatusCode();
            if (status == 200 || status == 304) { // never keep a 404 for a year
                ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
            }
        });
        ctx.next();
    }

    private void documentOrNext(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/") || path.equals("/index.html") || isDeepLink(path, ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                    .putHeader("Content-Security-Policy", APP_POLICY)
                    .end(index);
        } else {
            ctx.next();
        }
    }

    boolean isDeepLink(String path, String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")
                && NOT_THE_APP.stream().noneMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
                && !isFile(path);
    }

    /** A file of the app or of the board (favicon, robots.txt, ...): the static files answer it. */
    private static boolean isFile(String path) {
        if (path.endsWith("/")) {
            return false;
        }
        return WebAppRoutes.class.getClassLoader().getResource(STATIC_ROOT + path) != null;
    }

    private Buffer readIndex() {
        try (InputStream in = WebAppRoutes.class.getClassLoader().getResourceAsStream(indexLocation)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the web app's " + indexLocation, e);
        }
    }
}
