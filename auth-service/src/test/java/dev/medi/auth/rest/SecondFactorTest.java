package dev.medi.auth.rest;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.TopicReader;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOTP second factor (RFC 6238): enrolment, sign-in with a code, replay refusal, per-role requirement, admin reset. */
@QuarkusTest
class SecondFactorTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PASSWORD = "violet tram at dawn 47";
    private static final String DEPARTMENT = DemoData.GENERAL;

    @Test
    void anEnrolledUserSignsInOnlyWithAFreshCode() {
        String username = createAccount("nurse");
        String address = randomAddress();
        String token = login(username, null, address).then().statusCode(200).extract().path("accessToken");

        Response enrolment = given().auth().oauth2(token).post("/api/v1/account/second-factor");
        enrolment.then().statusCode(200)
                .body("otpauthUri", startsWith("otpauth://totp/"))
                .body("qrCode", startsWith("data:image/png;base64,"));
        String secret = enrolment.path("secret");

        // a code that does not match the new secret activates nothing
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", wrongCode(secret)))
                .post("/api/v1/account/second-factor/confirm")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(token).get("/api/v1/account").then().body("secondFactorEnabled", equalTo(false));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code(secret, 0)))
                .post("/api/v1/account/second-factor/confirm")
                .then().statusCode(200).body("secondFactorEnabled", equalTo(true));

        // the password alone is no longer enough, and says so only to someone who knows the password
        login(username, null, address).then().statusCode(401).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/second-factor-required"));
        login(username + "x", null, address).then().statusCode(401)
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
        login(username, wrongCode(secret), address).then().statusCode(401)
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
        // the code used to confirm was spent: replaying it is refused
        login(username, code(secret, 0), address).then().statusCode(401);

        String nextCode = code(secret, 1);
        String access = login(username, nextCode, address).then().statusCode(200).extract().path("accessToken");
        assertEquals(List.of("pwd", "otp", "mfa"), claims(access).getJsonArray("amr").getList());
        login(username, nextCode, address).then().statusCode(401); // each code works once
    }

    @Test
    void aRoleThatRequiresTheSecondFactorLimitsSessionsToEnrolmentUntilItIsSetUp() {
        String admin = UserResourceTest.signIn("admin");
        setPolicy(admin, "receptionist", true);
        try {
            String username = createAccount("receptionist");
            Response login = login(username, null, randomAddress());
            login.then().statusCode(200);
            JsonObject limited = claims(login.path("accessToken"));
            assertTrue(limited.getJsonArray("groups").isEmpty(), "a limited token carries no role");
            assertEquals(Boolean.TRUE, limited.getBoolean("second_factor_enrolment_required"));
            String limitedToken = login.path("accessToken");
            given().auth().oauth2(limitedToken).get("/api/v1/account").then().statusCode(200);

            String refreshToken = login.path("refreshToken");
            String refreshed = refresh(refreshToken);
            assertTrue(claims(refreshed).getJsonArray("groups").isEmpty(), "refresh does not lift the limit");

            String secret = given().auth().oauth2(limitedToken).post("/api/v1/account/second-factor")
                    .then().statusCode(200).extract().path("secret");
            given().auth().oauth2(limitedToken).contentType(ContentType.JSON).body(Map.of("code", code(secret, 0)))
                    .post("/api/v1/account/second-factor/confirm").then().statusCode(200);
            // the session proved the factor: its next token carries the role again
            String full = refresh(lastRefreshToken);
            JsonObject upgraded = claims(full);
            assertEquals(List.of("receptionist"), upgraded.getJsonArray("groups").getList());
            assertFalse(upgraded.containsKey("second_factor_enrolment_required"));

            // while the role requires it, the user cannot switch it off
            given().auth().oauth2(full).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD))
                    .post("/api/v1/account/second-factor/removal").then().statusCode(409).contentType(PROBLEM_JSON);
        } finally {
            setPolicy(admin, "receptionist", false);
        }
    }

    @Test
    void switchingTheFactorOffReChecksThePassword() {
        String username = createAccount("doctor");
        String token = login(username, null, randomAddress()).then().statusCode(200).extract().path("accessToken");
        String secret = given().auth().oauth2(token).post("/api/v1/account/second-factor").then().extract().path("secret");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code(secret, 0)))
                .post("/api/v1/account/second-factor/confirm").then().statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("currentPassword", "not my password 123"))
                .post("/api/v1/account/second-factor/removal").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).get("/api/v1/account").then().body("secondFactorEnabled", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("currentPassword", PASSWORD))
                .post("/api/v1/account/second-factor/removal").then().statusCode(200).body("secondFactorEnabled", equalTo(false));
        login(username, null, randomAddress()).then().statusCode(200);
    }

    @Test
    void anAdminResetsALostFactorAndEndsTheUsersSessions() {
        String username = createAccount("nurse");
        Response login = login(username, null, randomAddress());
        String token = login.path("accessToken");
        String secret = given().auth().oauth2(token).post("/api/v1/account/second-factor").then().extract().path("secret");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code(secret, 0)))
                .post("/api/v1/account/second-factor/confirm").then().statusCode(200);
        String userId = given().auth().oauth2(token).get("/api/v1/account").then().extract().path("id");

        given().auth().oauth2(UserResourceTest.signIn("admin")).post("/api/v1/users/{id}/second-factor-reset", userId)
                .then().statusCode(200).body("secondFactorEnabled", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", (String) login.path("refreshToken")))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        login(username, null, randomAddress()).then().statusCode(200);

        var audit = TopicReader.awaitOne(Topics.AUDIT, record -> userId.equals(new JsonObject(record.value()).getString("targetId"))
                && "user.second-factor.reset".equals(new JsonObject(record.value()).getString("action")));
        assertEquals("admin", new JsonObject(audit.value()).getString("actor"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"receptionist", "nurse", "doctor"})
    void onlyAdminsSeeOrChangeRolePolicies(String role) {
        String token = UserResourceTest.signIn(role);
        given().auth().oauth2(token).get("/api/v1/role-policies").then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("secondFactorRequired", true))
                .put("/api/v1/role-policies/{role}", role).then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(UserResourceTest.signIn("admin")).get("/api/v1/role-policies")
                .then().statusCode(200).body("find { it.role == '" + role + "' }.secondFactorRequired", equalTo(false));
    }

    @Test
    void badPolicyInputIsRejected() {
        String admin = UserResourceTest.signIn("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("secondFactorRequired", true))
                .put("/api/v1/role-policies/{role}", "janitor").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .put("/api/v1/role-policies/{role}", "nurse").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("secondFactorRequired", true, "role", "admin"))
                .put("/api/v1/role-policies/{role}", "nurse").then().statusCode(400).contentType(PROBLEM_JSON);
        given().auth().oauth2(admin).get("/api/v1/role-policies")
                .then().body("find { it.role == 'nurse' }.secondFactorRequired", equalTo(false))
                .body("find { it.role == 'admin' }.secondFactorRequired", equalTo(false));
    }

    @Test
    void aMalformedCodeIsA400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "nurse", "password", "whatever it is", "oneTimeCode", "12ab56"))
                .post("/api/v1/auth/login").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("oneTimeCode"));
    }

    private String lastRefreshToken;

    private String refresh(String refreshToken) {
        Response response = given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/refresh");
        response.then().statusCode(200);
        lastRefreshToken = response.path("refreshToken");
        assertNotEquals(refreshToken, lastRefreshToken);
        return response.path("accessToken");
    }

    private static void setPolicy(String admin, String role, boolean required) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("secondFactorRequired", required))
                .put("/api/v1/role-policies/{role}", role)
                .then().statusCode(200).body("secondFactorRequired", equalTo(required)).body("updatedBy", equalTo("admin"));
    }

    private static Response login(String username, String code, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "refreshTokenIn", "BODY"));
        if (code != null) {
            body.put("oneTimeCode", code);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body).post("/api/v1/auth/login");
    }

    private static String createAccount(String role) {
        String username = role + ".tf." + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@clinic.example", "displayName", "Test",
                        "roles", List.of(role), "departments", List.of(DEPARTMENT), "initialPassword", PASSWORD))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }

    /** The authenticator app's code for the current 30-second step plus {@code offset} steps. */
    static String code(String secret, int offset) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, Instant.now().getEpochSecond() / 30 + offset);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed code that matches no step in the allowed window. */
    private static String wrongCode(String secret) {
        List<String> valid = List.of(code(secret, -2), code(secret, -1), code(secret, 0), code(secret, 1), code(secret, 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String randomAddress() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }
}
