package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import io.quarkus.mailer.MockMailbox;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/** Test profile: 3 free failures per account, 30 per address, then 1 s, 2 s, 4 s … */
@QuarkusTest
class LoginThrottleTest {

    @ConfigProperty(name = "medi.auth.throttle.address-free-failures")
    int addressFreeFailures;

    @Test
    void repeatedFailuresForOneAccountAreSlowedThenRefusedEvenWithTheRightPassword() {
        String username = createAccount();
        String address = randomAddress();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(401, login(username, "wrong password " + attempt, address).statusCode(), "free failure " + attempt);
        }
        Response refused = failUntilRefusedFor(username, address, 4);
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("https://medi-os.dev/problems/too-many-requests", refused.path("type"));

        // While refused, even the right password gets 429: the answer tells a guesser nothing.
        assertEquals(429, login(username, PASSWORD, randomAddress()).statusCode());
        // Another account is not affected.
        assertEquals(200, login("nurse", DemoUsers.passwordOf("nurse"), randomAddress()).statusCode());
    }

    @Test
    void manyFailuresFromOneAddressAreRefusedWhateverTheAccount() {
        String address = randomAddress();
        for (int attempt = 1; attempt <= addressFreeFailures; attempt++) {
            assertEquals(401, login("nobody-" + UUID.randomUUID(), "wrong password", address).statusCode());
        }
        Response refused = null;
        for (int attempt = 0; attempt < 12 && refused == null; attempt++) {
            Response response = login("nobody-" + UUID.randomUUID(), "wrong password", address);
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertNotNull(refused, "the address was never refused");
        assertEquals(429, login("doctor", DemoUsers.passwordOf("doctor"), address).statusCode());
        assertEquals(200, login("doctor", DemoUsers.passwordOf("doctor"), randomAddress()).statusCode());
    }

    @Test
    void guessingAClientSecretIsThrottledLikeAPassword() {
        Map<String, String> client = ClientCredentialsTest.register(List.of("queue.read"));
        String address = randomAddress();
        Response refused = null;
        for (int attempt = 1; attempt <= 10 && refused == null; attempt++) {
            Response response = token(client.get("clientId"), "wrong secret " + attempt, address);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(401, response.statusCode());
                assertTrue(attempt <= 4 + 1, "still not refused after " + attempt + " wrong secrets");
            }
        }
        assertNotNull(refused, "the client was never refused");
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        // while refused, the right secret is refused too — from any address
        assertEquals(429, token(client.get("clientId"), client.get("clientSecret"), randomAddress()).statusCode());
    }

    @Test
    void resetRequestsForOneAddressAreCappedAndARefusedRequestSendsNoMail() {
        String email = createAccount() + "@clinic.example";
        int accepted = 0;
        Response refused = null;
        for (int attempt = 1; attempt <= 10 && refused == null; attempt++) {
            Response response = given().contentType(ContentType.JSON).header("X-Forwarded-For", randomAddress())
                    .body(Map.of("email", email)).post("/api/v1/auth/password-reset");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(202, response.statusCode());
                accepted++;
            }
        }
        assertNotNull(refused, "reset requests were never refused");
        assertEquals("https://medi-os.dev/problems/too-many-requests", refused.path("type"));
        int mailed = accepted;
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.getMailsSentTo(email) != null
                && mailbox.getMailsSentTo(email).size() == mailed);
        assertTrue(accepted >= 3 && accepted <= 5, "accepted " + accepted);
        // the same cap for an address no account has: the answer says nothing about accounts
        String unknown = "nobody-" + UUID.randomUUID() + "@clinic.example";
        int status = 0;
        for (int attempt = 1; attempt <= 10 && status != 429; attempt++) {
            status = given().contentType(ContentType.JSON).body(Map.of("email", unknown))
                    .post("/api/v1/auth/password-reset").statusCode();
            assertTrue(status == 202 || status == 429, "status " + status);
        }
        assertEquals(429, status);
    }

    @Inject
    MockMailbox mailbox;

    private static Response token(String clientId, String secret, String address) {
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", address)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/api/v1/auth/token");
    }

    private static final String PASSWORD = "violet tram at dawn 47";

    /**
     * Keeps failing (a refused attempt is not counted, so the wait only grows once a block has passed)
     * until a 429 whose Retry-After is at least {@code seconds}: 1 s, then 2 s, then 4 s.
     */
    private static Response failUntilRefusedFor(String username, String address, int seconds) {
        AtomicReference<Response> refused = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = login(username, "wrong again", address);
            assertTrue(response.statusCode() == 401 || response.statusCode() == 429, "status " + response.statusCode());
            if (response.statusCode() != 429) {
                return false;
            }
            long retryAfter = Long.parseLong(response.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
            refused.set(response);
            return retryAfter >= seconds;
        });
        return refused.get();
    }

    private static Response login(String username, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    private static String createAccount() {
        String username = "throttle." + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Throttle",
                        "roles", List.of("nurse"), "departments", List.of(), "initialPassword", PASSWORD))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }

    private static String randomAddress() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }
}
