package dev.medi.patient.fhir;

import dev.medi.patient.PatientApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.medi.patient.fhir.FhirApi.BASE;
import static dev.medi.patient.fhir.FhirApi.FHIR_JSON;
import static dev.medi.patient.fhir.FhirApi.asStaff;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every absolute URL the FHIR API hands out starts with the configured public base URL: a caller cannot make the
 * links point elsewhere with a forged {@code Host} or {@code X-Forwarded-Host}, and clients behind the gateway are
 * not sent to the service's internal address.
 */
@QuarkusTest
class FhirBaseUrlTest {

    private static final String FORGED = "evil.example";

    @Test
    void searchLinksAndFullUrlsUseThePublicBaseWhateverTheHostHeaderSays() {
        String family = PatientApi.uniqueName();
        PatientApi.register(PatientApi.person(family, java.time.LocalDate.of(1980, 1, 1), "Ada"));
        PatientApi.register(PatientApi.person(family, java.time.LocalDate.of(1981, 1, 1), "Bea"));

        Response forged = asStaff("receptionist").header("Host", FORGED).header("X-Forwarded-Host", FORGED)
                .header("X-Forwarded-Proto", "http").header("Forwarded", "host=" + FORGED)
                .queryParam("family", family).queryParam("_count", 1).get(BASE + "/Patient");
        forged.then().statusCode(200);
        List<String> urls = new java.util.ArrayList<>(forged.jsonPath().getList("link.url"));
        urls.addAll(forged.jsonPath().getList("entry.fullUrl"));
        assertEquals(3, urls.size(), "self, next and one entry: " + urls);
        for (String url : urls) {
            assertFalse(url.contains(FORGED), url);
        }
        for (String url : urls) {
            assertTrue(url.startsWith(FhirApi.publicBase() + "/"), url);
        }
    }

    @Test
    void theCapabilityStatementNamesThePublicBase() {
        String url = given().header("Host", FORGED).header("X-Forwarded-Host", FORGED).accept(FHIR_JSON)
                .get(BASE + "/metadata").then().statusCode(200).extract().path("implementation.url");
        assertFalse(url.contains(FORGED), url);
        assertEquals(FhirApi.publicBase(), url);
    }
}
