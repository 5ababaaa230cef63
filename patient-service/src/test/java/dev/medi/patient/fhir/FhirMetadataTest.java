package dev.medi.patient.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.medi.patient.fhir.FhirApi.BASE;
import static dev.medi.patient.fhir.FhirApi.FHIR_JSON;
import static dev.medi.patient.fhir.FhirApi.assertOutcome;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CapabilityStatement, content negotiation, and what the API does not offer. */
@QuarkusTest
class FhirMetadataTest {

    @Test
    void metadataNeedsNoTokenAndIsAValidCapabilityStatement() {
        Response response = given().accept(FHIR_JSON).get(BASE + "/metadata");
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("status", equalTo("active"))
                .body("kind", equalTo("instance"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("format", hasItem("json"))
                .body("implementation.url", startsWith("http"))
                .body("implementation.url", containsString(BASE))
                .body("rest[0].mode", equalTo("server"))
                .body("rest[0].security.service[0].coding[0].code", equalTo("OAuth"))
                .body("rest[0].security.description", containsString("patient.read"))
                .body("rest[0].security.description", containsString("patient.write"))
                .body("rest[0].resource.type", equalTo(List.of("Patient", "Encounter", "Observation")))
                .body("rest[0].resource[0].operation.name", equalTo(List.of("everything")))
                .body("rest[0].resource[1].searchParam.name", containsInAnyOrder("patient", "subject", "date", "status"))
                .body("rest[0].resource[2].searchParam.name", containsInAnyOrder("patient", "subject", "date",
                        "category", "code"))
                .body("rest[0].resource[2].supportedProfile", hasItem("http://hl7.org/fhir/StructureDefinition/bp"))
                .body("rest[0].resource[0].interaction.code", containsInAnyOrder("read", "search-type"))
                .body("rest[0].resource[0].searchParam.name", containsInAnyOrder("_id", "name", "family", "given",
                        "birthdate", "gender", "identifier", "telecom", "phone", "email", "active"));
        JsonPath json = response.jsonPath();
        assertEquals("date", json.getString("rest[0].resource[0].searchParam.find { it.name == 'birthdate' }.type"));
        assertEquals("http://hl7.org/fhir/SearchParameter/individual-birthdate",
                json.getString("rest[0].resource[0].searchParam.find { it.name == 'birthdate' }.definition"));
        FhirValidation.assertValid(response.asString());
    }

    @Test
    void jsonIsNegotiatedAndEverythingElseIs406() {
        given().get(BASE + "/metadata").then().statusCode(200).contentType(startsWith(FHIR_JSON));
        given().accept("*/*").get(BASE + "/metadata").then().statusCode(200).contentType(startsWith(FHIR_JSON));
        given().accept("application/json").get(BASE + "/metadata").then().statusCode(200)
                .contentType(startsWith("application/json")).body("resourceType", equalTo("CapabilityStatement"));
        given().accept("text/html, application/fhir+json;q=0.5").get(BASE + "/metadata")
                .then().statusCode(200).contentType(startsWith(FHIR_JSON));
        given().queryParam("_format", "json").accept("application/xml").get(BASE + "/metadata")
                .then().statusCode(200).contentType(startsWith(FHIR_JSON));
        given().queryParam("_format", "application/fhir+json").get(BASE + "/metadata")
                .then().statusCode(200).contentType(startsWith(FHIR_JSON));
        given().queryParam("_pretty", "true").get(BASE + "/metadata").then().statusCode(200)
                .body(containsString("\n  \"resourceType\""));

        assertOutcome(given().accept("application/fhir+xml").get(BASE + "/metadata"), 406, "not-supported");
        assertOutcome(given().queryParam("_format", "xml").get(BASE + "/metadata"), 406, "not-supported");
        assertOutcome(given().accept("application/fhir+json; fhirVersion=3.0").get(BASE + "/metadata"), 406, "not-supported");
        // an error answers in the JSON flavour asked for
        given().accept("application/json").get(BASE + "/Practitioner").then().statusCode(404)
                .contentType(startsWith("application/json")).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void whatIsNotOfferedIsAnOperationOutcome() {
        String token = dev.medi.platform.testing.TestTokens.forRoles("admin");
        assertOutcome(given().auth().oauth2(token).get(BASE + "/Practitioner"), 404, "not-supported");
        assertOutcome(given().auth().oauth2(token).get(BASE + "/MedicationRequest/" + UUID.randomUUID()), 404, "not-supported");
        assertOutcome(given().auth().oauth2(token).get(BASE + "/Encounter/" + UUID.randomUUID() + "/_history/1"), 400,
                "not-supported");
        assertOutcome(given().auth().oauth2(token).get(BASE + "/Patient/" + UUID.randomUUID() + "/_history/1"), 400,
                "not-supported");
        assertOutcome(given().auth().oauth2(token).get(BASE), 400, "not-supported");

        Response post = given().auth().oauth2(token).contentType(FHIR_JSON).body("{\"resourceType\":\"Patient\"}")
                .post(BASE + "/Patient");
        assertOutcome(post, 405, "not-supported");
        assertEquals("GET, HEAD", post.header("Allow"));
        assertOutcome(given().auth().oauth2(token).delete(BASE + "/Patient/" + UUID.randomUUID()), 405, "not-supported");
        assertOutcome(given().contentType(FHIR_JSON).body("{}").put(BASE + "/Patient/" + UUID.randomUUID()), 405,
                "not-supported");
    }
}
