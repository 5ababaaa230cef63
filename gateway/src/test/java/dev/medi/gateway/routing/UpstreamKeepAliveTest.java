package dev.medi.gateway.routing;

import dev.medi.gateway.support.IdleClosingUpstream;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11, item 8: at a low, bursty rate the gateway reused pooled connections that the service was closing
 * for idleness and answered {@code 502} ("HttpClosedException"). A service stand-in closes connections idle for
 * {@link IdleClosingUpstream#IDLE_TIMEOUT} (3 s) at the worst moment; the gateway's keep-alive timeout (1 s here,
 * below the service's, as in production) drops them first, and a safe request that meets a closed connection
 * anyway is sent once more. A POST is never sent twice.
 */
@QuarkusTest
@TestProfile(UpstreamKeepAliveTest.IdleClosingService.class)
class UpstreamKeepAliveTest {

    /** The idle-closing stand-in behind {@code /api/v1/idle-closing}; the gateway keeps connections 1 s. */
    public static class IdleClosingService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("medi.gateway.upstream.keep-alive-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdleClosingUpstream.class));
        }
    }

    @ConfigProperty(name = "medi.gateway.services.idle-closing")
    String standIn;

    @Test
    void burstsAfterIdlePausesNeverMeetAClosedConnection() {
        String token = TestTokens.forRoles("doctor");
        JsonObject before = counts();
        List<Integer> statuses = new ArrayList<>();
        for (int burst = 0; burst < 4; burst++) {
            for (int i = 0; i < 3; i++) {
                statuses.add(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"n\":" + i + "}")
                        .post(IdleClosingUpstream.ROUTE + "/jobs").statusCode());
                statuses.add(given().auth().oauth2(token).get(IdleClosingUpstream.ROUTE + "/jobs/" + UUID.randomUUID())
                        .statusCode());
            }
            // The quiet time between bursts is the traffic pattern under test: the service has answered nothing for
            // longer than its idle timeout, so any connection the gateway kept would be closed under the next request.
            long quiet = IdleClosingUpstream.IDLE_TIMEOUT.plus(Duration.ofSeconds(1)).toMillis();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> counts().getLong("idleMillis") > quiet);
        }
        assertEquals(List.of(200), statuses.stream().distinct().toList(), "every answer 200: " + statuses);
        JsonObject after = counts();
        assertEquals(12, delta(before, after, "answered", "POST"), "each POST reached the service exactly once");
        assertEquals(12, delta(before, after, "answered", "GET"));
        assertEquals(0, delta(before, after, "closed", "POST"), "no request met a closing connection");
        assertEquals(0, delta(before, after, "closed", "GET"));
    }

    @Test
    void aGetThatMetAClosedConnectionIsSentAgainAPostIsNot() {
        String token = TestTokens.forRoles("doctor");
        String path = IdleClosingUpstream.CLOSED_WHEN_REUSED + "jobs";
        JsonObject before = counts();

        // the first request opens a connection; the second goes out on it and the service closes it unanswered
        given().auth().oauth2(token).get(path).then().statusCode(200).body("request", equalTo(1));
        given().auth().oauth2(token).get(path).then().statusCode(200).body("request", equalTo(1));
        JsonObject afterGets = counts();
        assertEquals(1, delta(before, afterGets, "closed", "GET"), "the second GET met the closed connection");
        assertEquals(2, delta(before, afterGets, "answered", "GET"), "and was answered on a new one");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post(path)
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://medi-os.dev/problems/bad-gateway"));
        JsonObject afterPost = counts();
        assertEquals(1, delta(afterGets, afterPost, "closed", "POST"), "the service received the POST");
        assertEquals(0, delta(afterGets, afterPost, "answered", "POST"), "and the gateway did not send it again");
    }

    private JsonObject counts() {
        return new JsonObject(given().baseUri(standIn).get("/__counts").then().statusCode(200).extract().asString());
    }

    private static int delta(JsonObject before, JsonObject after, String kind, String method) {
        return after.getJsonObject(kind).getInteger(method, 0) - before.getJsonObject(kind).getInteger(method, 0);
    }
}
