package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthResourceTest {

    @Inject
    Pool pool;


    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void loginIssuesAVerifiableShortLivedAccessTokenAndAnHttpOnlyRefreshCookie() throws Exception {
        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("username", "Receptionist", "password", DemoUsers.passwordOf("receptionist")))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(600))
                .body("refreshToken", nullValue())
                .header("Set-Cookie", containsString("medi_refresh="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .extract();

        String accessToken = login.path("accessToken");
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(accessToken);
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        var key = new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys());
        assertNotNull(key, "the token's kid is published in the JWKS");

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer("https://auth.medi-os.local")
                .setExpectedAudience("medi-os")
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setVerificationKey(key.getKey())
                .build()
                .processToClaims(accessToken);
        UUID.fromString(claims.getSubject());
        assertEquals("receptionist", claims.getStringClaimValue("upn"));
        assertEquals(List.of("receptionist"), claims.getStringListClaimValue("groups"));
        assertEquals(2, claims.getStringListClaimValue("departments").size());
        assertEquals(600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String unknown = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "whatever-password"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).contentType(PROBLEM_JSON).extract().path("detail");
        String wrong = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nurse", "password", "not-the-password"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).contentType(PROBLEM_JSON).extract().path("detail");
        assertEquals(unknown, wrong);
    }

    @Test
    void refreshRotatesTheTokenAndReusingASpentTokenRevokesTheWholeSession() {
        String first = loginForApi("doctor");
        String second = refresh(first).then().statusCode(200)
                .body("accessToken", notNullValue()).extract().path("refreshToken");
        assertNotEquals(first, second);

        refresh(first).then().statusCode(401).contentType(PROBLEM_JSON);   // replay of a spent token
        refresh(second).then().statusCode(401).contentType(PROBLEM_JSON);  // the family is gone with it
    }

    @Test
    void accessTokensCarryTheTimeOfTheSignInAndRefreshesKeepIt() {
        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("username", "doctor", "password", DemoUsers.passwordOf("doctor"), "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login").then().statusCode(200).extract();
        JsonObject first = claims(login.path("accessToken"));
        assertEquals(first.getLong("iat"), first.getLong("auth_time"), "signed in just now");

        // The session began ten minutes ago (backdated in the database): a refresh must not make it "just now".
        long signedInAt = first.getLong("iat") - 600;
        pool.preparedQuery("update refresh_sessions set created_at = to_timestamp($1) where id = $2")
                .execute(Tuple.of(signedInAt, UUID.fromString(first.getString("sid")))).await().atMost(java.time.Duration.ofSeconds(10));
        JsonObject refreshed = claims(refresh(login.path("refreshToken")).then().statusCode(200).extract().path("accessToken"));
        assertEquals(signedInAt, refreshed.getLong("auth_time"));
        assertTrue(refreshed.getLong("iat") >= first.getLong("iat"));
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void browsersRefreshWithTheCookie() {
        String cookie = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nurse", "password", DemoUsers.passwordOf("nurse")))
                .post("/api/v1/auth/login").then().statusCode(200).extract().cookie("medi_refresh");
        String rotated = given().cookie("medi_refresh", cookie).contentType(ContentType.JSON)
                .post("/api/v1/auth/refresh")
                .then().statusCode(200).body("refreshToken", nullValue()).extract().cookie("medi_refresh");
        assertNotEquals(cookie, rotated);
    }

    @Test
    void logoutEndsTheSession() {
        String refreshToken = loginForApi("admin");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .post("/api/v1/auth/logout").then().statusCode(204);
        refresh(refreshToken).then().statusCode(401);
    }

    @Test
    void refreshWithoutATokenIs401() {
        given().contentType(ContentType.JSON).post("/api/v1/auth/refresh").then().statusCode(401).contentType(PROBLEM_JSON);
        refresh("made-up-token").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void badLoginRequestsAre400Problems() {
        given().contentType(ContentType.JSON).body(Map.of("username", "nurse"))
                .post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "nurse", "password", "x", "roles", List.of("admin")))
                .post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("roles"));
        given().contentType(ContentType.JSON).body(Map.of("username", "nurse", "password", "p".repeat(129)))
                .post("/api/v1/auth/login")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void theJwksPublishesPublicKeysOnly() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].kid", notNullValue())
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue())
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")));
    }

    private static String loginForApi(String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", role, "password", DemoUsers.passwordOf(role), "refreshTokenIn", "BODY"))
                .post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("refreshToken");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }
}
