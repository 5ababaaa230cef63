package dev.medi.gateway.routing;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ApiProxyTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "medi.gateway.services.queue")
    String queueUpstream;

    @Test
    void authenticatedRequestsReachTheServiceWithTokenBodyAndRequestId() {
        String token = TestTokens.forRoles("receptionist");
        given().auth().oauth2(token).header("X-Request-Id", "gateway-test-0001")
                .contentType(ContentType.JSON).body("{\"chiefComplaint\":\"cough\"}")
                .post("/api/v1/queues/abc/check-ins?x=1")
                .then().statusCode(200)
                .header("X-Request-Id", "gateway-test-0001")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/queues/abc/check-ins?x=1"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("gateway-test-0001"))
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("body", equalTo("{\"chiefComplaint\":\"cough\"}"));
    }

    @Test
    void requestsWithoutAValidTokenStopAtTheGateway() {
        int before = upstreamRequests();
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/queues/abc/check-ins")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
        given().auth().oauth2("not-a-token").get("/api/v1/queues/abc")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        assertEquals(before, upstreamRequests(), "nothing unauthenticated reaches the service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/triage/evaluations", "/api/v1/role-policies/doctor", "/api/v1/audit?patientId=x",
            "/api/v1/patients/1/observations", "/api/v1/documents/1/content", "/api/v1/notes/1/sign"})
    void everyServiceRootIsRouted(String path) {
        int before = upstreamRequests();
        given().auth().oauth2(TestTokens.forRoles("admin")).get(path)
                .then().statusCode(200).body("uri", equalTo(path));
        assertEquals(before + 1, upstreamRequests());
    }

    @Test
    void fhirRequestsGoToTheServiceWhichAnswersRefusalsAsOperationOutcomes() {
        // No token: the gateway lets it through, patient-service decides (metadata is public, the rest 401).
        given().get("/fhir/r4/metadata").then().statusCode(200).body("uri", equalTo("/fhir/r4/metadata"))
                .body("authorization", equalTo(null));
        given().get("/fhir/r4/Patient?name=x").then().statusCode(200).body("uri", equalTo("/fhir/r4/Patient?name=x"));
    }

    @Test
    void anUnreachableServiceGivesA502Problem() {
        given().auth().oauth2(TestTokens.forRoles("doctor")).get("/api/v1/ai/summaries")
                .then().statusCode(502).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/bad-gateway"))
                .body("status", equalTo(502));
    }

    @Test
    void unroutedPathsAre404Problems() {
        given().auth().oauth2(TestTokens.forRoles("doctor")).get("/api/v1/unknown")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theStaleObservationsPrefixIsNotRouted() {
        // Observations live below their patient (/api/v1/patients/{id}/observations); no service serves the old prefix.
        int before = upstreamRequests();
        given().auth().oauth2(TestTokens.forRoles("doctor")).get("/api/v1/observations/1")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        assertEquals(before, upstreamRequests());
    }

    private int upstreamRequests() {
        return given().baseUri(queueUpstream).get("/__requests").then().statusCode(200).extract().path("count");
    }
}
