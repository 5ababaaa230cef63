package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.testing.Concurrently;
import dev.medi.platform.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import io.quarkus.mailer.MockMailbox;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
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

/**
 * Test profile: 3 free failures per account and address, 10 per account, 30 per address, then 1 s, 2 s, 4 s …
 * The tests run from 127.0.0.1, the trusted proxy of the test profile, and choose the client address with
 * X-Forwarded-For as the gateway would; a direct caller is simulated from another loopback address.
 */
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
        assertEquals(429, login(username, PASSWORD, address).statusCode());
        // The account's owner signing in elsewhere is not locked out by one guessing address,
        assertEquals(200, login(username, PASSWORD, randomAddress()).statusCode());
        // nor is another account, from that very address.
        assertEquals(200, login("nurse", DemoUsers.passwordOf("nurse"), address).statusCode());
    }

    @Test
    void failuresSpreadOverManyAddressesSlowTheAccountDown() {
        String username = createAccount();
        // 10 free failures for the account, each from an address of its own (never the 3 of a pair)
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertEquals(401, login(username, "wrong password " + attempt, randomAddress()).statusCode(), "free failure " + attempt);
        }
        AtomicReference<Response> refused = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = login(username, "wrong again", randomAddress());
            refused.set(response);
            return response.statusCode() == 429 && Long.parseLong(response.header("Retry-After")) >= 4;
        });
        assertEquals(429, login(username, PASSWORD, randomAddress()).statusCode());
    }

    @Test
    void concurrentWrongPasswordsAreCheckedOnlyUpToTheLimit() throws Exception {
        String username = createAccount();
        String address = randomAddress();
        List<Integer> statuses = Concurrently.run(15, i -> () -> login(username, "wrong password " + i, address).statusCode());
        long checked = statuses.stream().filter(status -> status == 401).count();
        long refused = statuses.stream().filter(status -> status == 429).count();
        assertEquals(15, checked + refused, "statuses " + statuses);
        // 3 free failures, then the 4th sets a 1 s block before its hash is computed: every later attempt waits
        assertTrue(checked <= 4, checked + " wrong passwords were checked: " + statuses);
    }

    @Test
    void aBurstAgainstOneAccountDoesNotLockOtherUsersOfTheAddressOut() throws Exception {
        String username = createAccount();
        String address = randomAddress();
        // more than the address's 30 free failures, all at once: only those counted before the block may count
        List<Integer> statuses = Concurrently.run(addressFreeFailures + 10,
                i -> () -> login(username, "wrong password " + i, address).statusCode());
        assertTrue(statuses.contains(429), "statuses " + statuses);
        // a colleague behind the same address (the clinic's NAT) still signs in
        assertEquals(200, login("doctor", DemoUsers.passwordOf("doctor"), address).statusCode());
    }

    @Test
    void aForwardedForHeaderFromACallerThatIsNotTheGatewayIsIgnored() throws Exception {
        // a caller reaching the port directly (not from the trusted 127.0.0.1) with a new spoofed address per attempt
        String source = "127.0." + (int) (1 + Math.random() * 250) + "." + (int) (2 + Math.random() * 250);
        RawHttp direct = RawHttp.to(RestAssured.port).from(source);
        RawHttp.Answer refused = null;
        for (int attempt = 1; attempt <= addressFreeFailures + 5 && refused == null; attempt++) {
            byte[] body = ("{\"username\":\"nobody-" + UUID.randomUUID() + "\",\"password\":\"wrong password\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = direct.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nX-Forwarded-For: " + randomAddress()
                    + "\r\nContent-Length: " + body.length, body);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertEquals(401, answer.status(), answer.body());
            }
        }
        assertNotNull(refused, "the spoofed X-Forwarded-For gave every attempt a fresh address");
        assertEquals("application/problem+json", refused.header("Content-Type"));
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
