package dev.medi.platform.defaults.wire;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service's own problem kinds, extension members and field paths, as a running service writes them. */
@QuarkusTest
class ProblemWireTest {

    @Test
    void aServiceKindIsAnsweredWithItsExtensionMembers() {
        String body = given().get("/wire-test/duplicate")
                .then().statusCode(409).contentType("application/problem+json").extract().asString()
                .replaceFirst("\"requestId\":\"[^\"]+\"", "\"requestId\":\"(id)\"");
        assertEquals("{\"type\":\"https://medi-os.dev/problems/possible-duplicate\",\"title\":\"Possible duplicate patient\","
                + "\"status\":409,\"detail\":\"Patients like this one exist.\",\"instance\":\"/wire-test/duplicate\","
                + "\"requestId\":\"(id)\",\"candidates\":[{\"id\":\"p-1\",\"matchedOn\":[\"birthDate+name\",\"phone\"]}]}",
                body);
    }

    @Test
    void aStepUpChallengeIsTheOnlyChallenge() {
        List<String> challenges = given().get("/wire-test/reauthenticate")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://medi-os.dev/problems/reauthentication-required"))
                .body("title", equalTo("Sign in again to sign"))
                .extract().headers().getValues("WWW-Authenticate");
        assertEquals(List.of(ProblemTestResource.STEP_UP), challenges);
    }

    @Test
    void fieldsOfListElementsAreNamedWithTheirPosition() {
        Map<String, Object> registration = Map.of("family", "Doe", "given", List.of("Jane", ""),
                "identifiers", List.of(Map.of("system", "urn:a", "value", "1"), Map.of("system", "urn:b", "value", "")),
                "roles", List.of("pilot"));
        given().contentType(ContentType.JSON).body(registration).post("/wire-test/registrations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://medi-os.dev/problems/validation"))
                .body("errors.field", equalTo(List.of("given[1]", "identifiers[1].value", "roles[]")));
    }

    @Test
    void aWrongTypeInAListElementIsNamedTheSameWay() {
        given().contentType(ContentType.JSON)
                .body("{\"family\":\"Doe\",\"identifiers\":[{\"system\":\"a\",\"value\":\"1\"},{\"system\":\"b\",\"value\":[2]}]}")
                .post("/wire-test/registrations")
                .then().statusCode(400).body("errors.field", equalTo(List.of("identifiers[1].value")));
    }
}
