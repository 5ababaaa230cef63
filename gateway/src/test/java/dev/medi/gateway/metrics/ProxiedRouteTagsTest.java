package dev.medi.gateway.metrics;

import dev.medi.platform.testing.ServiceEndpoints;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's HTTP metrics name routes, never paths: patient, note and document ids in forwarded paths
 * reach no metric tag, and no number of distinct paths makes more than one tag per route.
 */
@QuarkusTest
class ProxiedRouteTagsTest {

    private static final Pattern URI_TAG = Pattern.compile("uri=\"([^\"]*)\"");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void forwardedRequestsAreTaggedWithTheirRouteNotTheirPath() {
        String admin = TestTokens.forRoles("admin");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String patient = UUID.randomUUID().toString();
            String note = UUID.randomUUID().toString();
            String document = UUID.randomUUID().toString();
            ids.addAll(List.of(patient, note, document));
            given().auth().oauth2(admin).get("/api/v1/patients/" + patient).then().statusCode(200);
            given().auth().oauth2(admin).get("/api/v1/notes/" + note + "/versions").then().statusCode(200);
            given().auth().oauth2(admin).get("/api/v1/documents/" + document + "/content").then().statusCode(200);
        }
        // refused at the gateway (401), and a service that cannot be reached (502): no template of their own
        String refused = UUID.randomUUID().toString();
        String unreachable = UUID.randomUUID().toString();
        ids.addAll(List.of(refused, unreachable));
        given().get("/api/v1/patients/" + refused).then().statusCode(401);
        given().auth().oauth2(admin).get("/api/v1/ai/summaries/" + unreachable).then().statusCode(502);

        String metrics = ServiceEndpoints.metrics(management);
        for (String id : ids) {
            assertFalse(metrics.contains(id), "an id reached the metrics: " + id);
        }
        Set<String> uris = uriTags(metrics);
        assertTrue(uris.contains("/api/v1/patients/*"), uris.toString());
        assertTrue(uris.contains("/api/v1/notes/*"), uris.toString());
        assertTrue(uris.contains("/api/v1/documents/*"), uris.toString());
        assertTrue(uris.contains("/api/v1/ai/*"), uris.toString());
        assertTrue(uris.size() < 40, "the uri tags stay few whatever the paths: " + uris);
    }

    @Test
    void aPrefixItselfIsItsOwnTemplate() {
        given().auth().oauth2(TestTokens.forRoles("receptionist")).get("/api/v1/patients?name=someone")
                .then().statusCode(200);
        assertTrue(uriTags(ServiceEndpoints.metrics(management)).contains("/api/v1/patients"));
    }

    private static Set<String> uriTags(String metrics) {
        Set<String> uris = new TreeSet<>();
        for (String line : metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList()) {
            Matcher matcher = URI_TAG.matcher(line);
            if (matcher.find()) {
                uris.add(matcher.group(1));
            }
        }
        return uris;
    }
}
