package dev.medi.auth.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ClientCredentialsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aRegisteredClientGetsAScopedTokenWithItsSecret() throws Exception {
        var client = register(List.of("patient.read", "queue.read"));
        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client.get("clientId"))
                .formParam("client_secret", client.get("clientSecret"))
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .body("scope", equalTo("patient.read queue.read"))
                .extract().path("access_token");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setExpectedAudience("medi-os")
                .build().processToClaims(token);
        assertEquals(client.get("clientId"), claims.getStringClaimValue("client_id"));
        assertEquals("patient.read queue.read", claims.getStringClaimValue("scope"));
        assertNull(claims.getClaimValue("groups"), "a system holds no staff role");
    }

    @Test
    void httpBasicAndNarrowerScopesWorkWiderScopesDoNot() {
        var client = register(List.of("queue.read", "queue.write"));
        given().auth().preemptive().basic(client.get("clientId"), client.get("clientSecret"))
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "queue.read")
                .post("/api/v1/auth/token")
                .then().statusCode(200).body("scope", equalTo("queue.read"));
        given().auth().preemptive().basic(client.get("clientId"), client.get("clientSecret"))
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "patient.write")
                .post("/api/v1/auth/token")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongSecretsUnknownAndDisabledClientsAreRefusedAlike() {
        var client = register(List.of("patient.read"));
        String wrongSecret = tokenDetail(client.get("clientId"), "not-the-secret");
        String unknown = tokenDetail("mc_0000000000000000", client.get("clientSecret"));
        assertEquals(wrongSecret, unknown);

        given().auth().oauth2(UserResourceTest.signIn("admin")).post("/api/v1/clients/{id}/disable", client.get("id"))
                .then().statusCode(200).body("active", equalTo(false));
        assertEquals(wrongSecret, tokenDetail(client.get("clientId"), client.get("clientSecret")));
    }

    @Test
    void onlyTheClientCredentialsGrantIsAccepted() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", "admin").formParam("password", "x")
                .post("/api/v1/auth/token")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void listingNeverShowsSecretsAndIsForAdminsOnly() {
        register(List.of("queue.read"));
        given().auth().oauth2(UserResourceTest.signIn("admin")).get("/api/v1/clients")
                .then().statusCode(200).body("$", everyItem(not(hasKey("clientSecret"))));
        given().auth().oauth2(UserResourceTest.signIn("doctor")).get("/api/v1/clients")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Lab system", "scopes", List.of("everything")))
                .post("/api/v1/clients").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    static Map<String, String> register(List<String> scopes) {
        var response = given().auth().oauth2(UserResourceTest.signIn("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "Laboratory system", "scopes", scopes))
                .post("/api/v1/clients")
                .then().statusCode(201)
                .body("clientId", startsWith("mc_"))
                .body("clientSecret", notNullValue())
                .extract();
        return Map.of("id", response.path("id"), "clientId", response.path("clientId"),
                "clientSecret", response.path("clientSecret"));
    }

    private static String tokenDetail(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token")
                .then().statusCode(401).contentType(PROBLEM_JSON).extract().path("detail");
    }
}
