package dev.medi.patient.fhir;

import dev.medi.devstack.DevTokens;
import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests to the FHIR API as staff, as hospital systems and anonymously, and a fully filled-in person. */
final class FhirApi {

    static final String FHIR_JSON = "application/fhir+json";
    static final String BASE = "/fhir/r4";

    private FhirApi() {
    }

    /** The public base URL the test profile configures ({@code medi.patient.fhir.base-url}). */
    static String publicBase() {
        return ConfigProvider.getConfig().getValue("medi.patient.fhir.base-url", String.class);
    }

    /** A link of an answer as a path on the service under test; fails unless it starts with the public base URL. */
    static String local(String link) {
        assertTrue(link.startsWith(publicBase() + "/"), link);
        return BASE + link.substring(publicBase().length());
    }

    /** A FHIR request with a token of {@code role} (user {@code test.<role>}, demo departments). */
    static RequestSpecification asStaff(String role) {
        return given().auth().oauth2(TestTokens.forRoles(role)).accept(FHIR_JSON);
    }

    /** A FHIR request of a hospital system whose client-credentials token grants {@code scope}. */
    static RequestSpecification asClient(String clientId, String scope) {
        return given().auth().oauth2(clientToken(clientId, scope, 600)).accept(FHIR_JSON);
    }

    /** A token as auth-service issues to API clients: sub = upn = client_id, scope, no groups. */
    static String clientToken(String clientId, String scope, long ttlSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(DevTokens.ISSUER);
        claims.setAudience(DevTokens.AUDIENCE);
        claims.setSubject(clientId);
        claims.setClaim("upn", clientId);
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", scope);
        claims.setGeneratedJwtId();
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getValue() - Math.max(0, -ttlSeconds) - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + ttlSeconds));
        return TestTokens.tokens().sign(claims);
    }

    static String newClientId() {
        return "his-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A registration with every field the FHIR Patient shows: prefix and suffix, two given names (one with an
     * accent), phone, e-mail, address, an OID and a short-named identifier, an emergency contact.
     */
    static Map<String, Object> fullPerson(String family) {
        Map<String, Object> body = new HashMap<>(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Zoë", "Maria"));
        Map<String, Object> name = new HashMap<>();
        name.put("family", family);
        name.put("given", List.of("Zoë", "Maria"));
        name.put("prefix", "Dr.");
        name.put("suffix", "MSc");
        body.put("name", name);
        body.put("email", family.toLowerCase() + "@example.org");
        body.put("address", Map.of("lines", List.of("Hauptstraße 5", "2. OG"), "city", "Köln", "postalCode", "50667",
                "country", "DE"));
        body.put("identifiers", List.of(
                Map.of("system", "urn:oid:1.2.276.0.76.4.8", "value", "A" + UUID.randomUUID().toString().substring(0, 9)),
                Map.of("system", "national-id", "value", "N-" + UUID.randomUUID().toString().substring(0, 8))));
        body.put("emergencyContact", Map.of("name", "Max Beispiel", "relationship", "brother", "phone", "+49 30 1234567"));
        body.put("allergies", List.of(Map.of("substance", "penicillin")));
        return body;
    }

    /** Asserts a FHIR error: the status, an OperationOutcome with one error issue of {@code code}, valid R4. */
    static void assertOutcome(Response response, int status, String code) {
        response.then().statusCode(status);
        assertTrue(response.contentType().startsWith(FHIR_JSON), "content type " + response.contentType());
        response.then().body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"))
                .body("issue[0].severity", org.hamcrest.Matchers.equalTo("error"))
                .body("issue[0].code", org.hamcrest.Matchers.equalTo(code))
                .body("issue[0].diagnostics", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        FhirValidation.assertValid(response.asString());
    }
}
