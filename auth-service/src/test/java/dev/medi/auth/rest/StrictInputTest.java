package dev.medi.auth.rest;

import dev.medi.auth.service.DemoUsers;
import dev.medi.platform.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform's input rules (platform/service-defaults: StrictJson, RequestLimits), seen through this service's
 * real HTTP port: bad input is a 400/413/414/431 problem, never a 500 or an empty answer. Sign-in is the
 * endpoint anyone can reach without a token.
 */
@QuarkusTest
class StrictInputTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aNulCharacterInSignInIsA400ProblemNotA500() {
        login("{\"username\":\"nurse\\u0000x\",\"password\":\"whatever it is\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/validation"))
                .body("errors[0].field", equalTo("username"));
        login("{\"username\":\"nurse\",\"password\":\"pass\\u0000word\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("password"));
    }

    @Test
    void aLoneSurrogateIsA400Problem() {
        login("{\"username\":\"nurse\\ud800\",\"password\":\"whatever it is\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("username"));
        // a proper pair (an emoji) is fine: just a wrong password
        login("{\"username\":\"nurse\\ud83d\\ude00\",\"password\":\"whatever it is\"}").then().statusCode(401);
    }

    @Test
    void duplicateKeysAreMalformed() {
        login("{\"username\":\"nurse\",\"username\":\"admin\",\"password\":\"" + DemoUsers.passwordOf("nurse") + "\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/malformed-request"));
    }

    @Test
    void aNumberIsNotText() {
        login("{\"username\":12345,\"password\":\"whatever it is\"}")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("username"));
    }

    @Test
    void aNulCharacterInTheClientCredentialsFormIsA400Problem() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "client\u0000x").formParam("client_secret", "secret")
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/validation"));
    }

    @Test
    void aNulCharacterInAQueryParameterIsA400Problem() {
        given().urlEncodingEnabled(false).auth().oauth2(UserResourceTest.signIn("admin")).get("/api/v1/users?after=a%00b")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/validation"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).sendChunked(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json", body);
        assertEquals(413, answer.status(), answer.body());
        assertEquals(PROBLEM_JSON, answer.header("Content-Type"));
        assertEquals("https://medi-os.dev/problems/payload-too-large", new JsonObject(answer.body()).getString("type"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        byte[] body = ("{\"username\":\"nurse\",\"password\":\"" + DemoUsers.passwordOf("nurse") + "\",\"refreshTokenIn\":\"BODY\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).sendChunked(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json", body);
        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void aTooLongAddressIsA414Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).send("GET /api/v1/users?after=" + "a".repeat(6000)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", null);
        assertEquals(414, answer.status(), answer.body());
        assertEquals(PROBLEM_JSON, answer.header("Content-Type"));
        assertEquals("https://medi-os.dev/problems/uri-too-long", new JsonObject(answer.body()).getString("type"));
    }

    @Test
    void tooLargeHeadersAreA431Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.to(RestAssured.port).send("GET /.well-known/jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\nX-Filler: " + "f".repeat(30_000), null);
        assertEquals(431, answer.status(), answer.body());
        assertEquals(PROBLEM_JSON, answer.header("Content-Type"));
        assertEquals("https://medi-os.dev/problems/header-fields-too-large", new JsonObject(answer.body()).getString("type"));
    }

    private static io.restassured.response.Response login(String json) {
        return given().contentType(ContentType.JSON).body(json.getBytes(StandardCharsets.UTF_8)).post("/api/v1/auth/login");
    }
}
