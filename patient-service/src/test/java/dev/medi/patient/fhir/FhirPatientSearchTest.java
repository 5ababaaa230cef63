package dev.medi.patient.fhir;

import dev.medi.patient.PatientApi;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.medi.patient.fhir.FhirApi.BASE;
import static dev.medi.patient.fhir.FhirApi.FHIR_JSON;
import static dev.medi.patient.fhir.FhirApi.asClient;
import static dev.medi.patient.fhir.FhirApi.asStaff;
import static dev.medi.patient.fhir.FhirApi.assertOutcome;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /fhir/r4/Patient?...: each search parameter, paging, the errors, access scope and audit. Two people share
 * a family name no other test uses: A (Dr. Zoë Maria, female, every field) and B (Jonas, male, born 400 days
 * later).
 */
@QuarkusTest
class FhirPatientSearchTest {

    @Inject
    DataSource dataSource;

    private String family;
    private String a;
    private String b;
    private Map<String, Object> personA;
    private LocalDate bornA;
    private LocalDate bornB;
    private String mrnA;

    @BeforeEach
    void twoPeopleOfOneFamily() {
        family = PatientApi.uniqueName();
        personA = FhirApi.fullPerson(family);
        bornA = LocalDate.parse((String) personA.get("birthDate"));
        a = PatientApi.register(personA);
        bornB = bornA.plusDays(400);
        Map<String, Object> personB = PatientApi.person(family, bornB, "Jonas");
        personB.put("sex", "male");
        b = PatientApi.register(personB);
        mrnA = PatientApi.as("receptionist").get("/api/v1/patients/{id}", a).then().extract().path("mrn");
    }

    /** Searches as a receptionist; checks a valid searchset Bundle and returns the ids found, in order. */
    private List<String> found(Object... nameValuePairs) {
        return found(asStaff("receptionist"), nameValuePairs);
    }

    private List<String> found(RequestSpecification request, Object... nameValuePairs) {
        Response response = search(request, nameValuePairs);
        response.then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"));
        FhirValidation.assertValid(response.asString());
        List<String> ids = response.jsonPath().getList("entry.findAll { it.search.mode == 'match' }.resource.id");
        if (response.jsonPath().get("link.find { it.relation == 'next' }") == null) {
            assertEquals(ids.size(), response.jsonPath().getInt("total"), "total of a single page");
        }
        return ids;
    }

    private static Response search(RequestSpecification request, Object... nameValuePairs) {
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request = request.queryParam((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return request.get(BASE + "/Patient");
    }

    @Test
    void byName() {
        assertEquals(List.of(a, b).stream().sorted().toList(), found("name", family));
        String prefix = family.substring(0, family.length() - 1).toLowerCase();
        assertEquals(2, found("name", prefix).size(), "starts with, case-insensitive");
        assertEquals(List.of(a), found("name", "ZOE", "family", family), "accent-insensitive");
        assertEquals(List.of(a), found("name", "zoë maria " + prefix), "the full name, given then family");
        assertEquals(List.of(a), found("given", "mar", "family", family), "any given name");
        assertEquals(List.of(b), found("given", "jonas", "family", family));
        assertEquals(2, found("family", prefix).size());
        assertEquals(2, found("family:exact", family).size());
        assertEquals(List.of(), found("family:exact", family.toLowerCase()));
        assertEquals(2, found("family:contains", family.substring(2, 8).toUpperCase()).size());
        assertEquals(List.of(a), found("given:exact", "Zoë", "family", family));
        assertEquals(List.of(a), found("name:exact", "MSc", "family", family), "exact also compares the suffix");
        assertEquals(2, found("name", "qqq" + UUID.randomUUID().toString().substring(0, 6) + "," + family).size(), "comma: or");
        assertEquals(List.of(b), found("name", family, "name", "jonas"), "repeated: and");
        assertEquals(List.of(), found("name", "jonas", "given", "zoe", "family", family));
    }

    @Test
    void byBirthDate() {
        assertEquals(List.of(a), found("birthdate", bornA.toString(), "family", family));
        assertEquals(List.of(a), found("birthdate", "eq" + bornA, "family", family));
        assertEquals(List.of(a), found("birthdate", bornA.toString().substring(0, 7), "family", family), "month precision");
        assertEquals(List.of(a), found("birthdate", bornA.toString().substring(0, 4), "family", family), "year precision");
        assertEquals(List.of(b), found("birthdate", "ne" + bornA, "family", family));
        assertEquals(List.of(b), found("birthdate", "gt" + bornA, "family", family));
        assertEquals(List.of(b), found("birthdate", "ge" + bornB, "family", family));
        assertEquals(List.of(a), found("birthdate", "lt" + bornB, "family", family));
        assertEquals(List.of(a), found("birthdate", "le" + bornA, "family", family));
        assertEquals(List.of(a), found("birthdate", "eb" + bornA.plusDays(1), "family", family));
        assertEquals(List.of(b), found("birthdate", "sa" + bornB.minusDays(1), "family", family));
        assertEquals(2, found("birthdate", "ge" + bornA, "birthdate", "le" + bornB, "family", family).size(), "a range");
        assertEquals(List.of(), found("birthdate", "gt" + bornA, "birthdate", "lt" + bornB, "family", family));
    }

    @Test
    void byGenderIdentifierTelecomIdAndActive() {
        assertEquals(List.of(b), found("gender", "male", "family", family));
        assertEquals(List.of(a), found("gender", "http://hl7.org/fhir/administrative-gender|female", "family", family));
        assertEquals(2, found("gender", "male,female", "family", family).size());

        assertEquals(List.of(a), found("identifier", "https://medi-os.dev/fhir/sid/mrn|" + mrnA));
        assertEquals(List.of(a), found("identifier", mrnA));
        assertEquals(List.of(a), found("identifier", "https://medi-os.dev/fhir/sid/mrn|"
                + mrnA.substring(0, 4) + " " + mrnA.substring(4)), "MRN separators are ignored");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> identifiers = (List<Map<String, String>>) personA.get("identifiers");
        String oid = identifiers.get(0).get("value");
        String nationalId = identifiers.get(1).get("value");
        assertEquals(List.of(a), found("identifier", "urn:oid:1.2.276.0.76.4.8|" + oid));
        assertEquals(List.of(a), found("identifier", oid));
        assertEquals(List.of(a), found("identifier", "https://medi-os.dev/fhir/sid/local/national-id|" + nationalId));
        assertEquals(List.of(), found("identifier", "urn:oid:9.9.9|" + oid), "value of another system");
        assertEquals(List.of(), found("identifier", "|" + oid), "no system: none here");
        assertEquals(List.of(a), found("identifier", "urn:oid:1.2.276.0.76.4.8|", "family", family), "any value of a system");

        String phone = (String) personA.get("phone");
        String international = "+49" + phone.substring(1).replace(" ", "");
        assertEquals(List.of(a), found("telecom", phone), "as written");
        assertEquals(List.of(a), found("telecom", "phone|" + international), "international form");
        assertEquals(List.of(a), found("phone", international));
        assertEquals(List.of(a), found("telecom", "email|" + family.toUpperCase() + "@EXAMPLE.org"));
        assertEquals(List.of(a), found("telecom", family.toLowerCase() + "@example.org"));
        assertEquals(List.of(a), found("email", family.toLowerCase() + "@example.org"));
        assertEquals(List.of(), found("telecom", "fax|" + international));
        assertEquals(List.of(a), found("telecom", "email|", "family", family), "has an e-mail address");

        assertEquals(List.of(a), found("_id", a));
        assertEquals(2, found("_id", a + "," + b).size());
        assertEquals(List.of(), found("_id", "not-an-id"));
        assertEquals(2, found("active", "true", "family", family).size());
        assertEquals(List.of(), found("active", "false", "family", family));
    }

    @Test
    void pagesFollowTheNextLink() {
        String third = PatientApi.register(PatientApi.person(family, bornB.plusDays(400), "Ida"));
        Response first = search(asStaff("receptionist"), "family", family, "_count", "2");
        first.then().statusCode(200).body("total", equalTo(3)).body("entry.size()", equalTo(2))
                .body("link.find { it.relation == 'self' }.url", containsString("/fhir/r4/Patient?family=" + family))
                .body("entry[0].fullUrl", containsString("/fhir/r4/Patient/"))
                .body("entry[0].search.mode", equalTo("match"));
        FhirValidation.assertValid(first.asString());
        String next = first.jsonPath().getString("link.find { it.relation == 'next' }.url");
        assertNotNull(next);
        assertTrue(next.startsWith("http") && next.contains("_cursor="), next);

        Response second = asStaff("receptionist").get(FhirApi.local(next));
        second.then().statusCode(200).body("total", equalTo(3)).body("entry.size()", equalTo(1));
        assertNull(second.jsonPath().get("link.find { it.relation == 'next' }"));
        FhirValidation.assertValid(second.asString());
        List<String> all = new java.util.ArrayList<>(first.jsonPath().getList("entry.resource.id"));
        all.addAll(second.jsonPath().getList("entry.resource.id"));
        assertEquals(Set.of(a, b, third), Set.copyOf(all));
        assertEquals(all.stream().sorted().toList(), all, "in id order");

        Response totalOnly = search(asStaff("receptionist"), "family", family, "_count", "0");
        totalOnly.then().statusCode(200).body("total", equalTo(3));
        assertNull(totalOnly.jsonPath().get("entry"));
        FhirValidation.assertValid(totalOnly.asString());

        String cursor = next.substring(next.indexOf("_cursor=") + "_cursor=".length());
        assertOutcome(search(asStaff("receptionist"), "name", family, "_cursor", cursor), 400, "invalid");
    }

    @Test
    void badRequestsAre400WithAnOperationOutcome() {
        assertOutcome(search(asStaff("receptionist"), "family", family, "address-city", "Köln"), 400, "not-supported");
        assertOutcome(search(asStaff("receptionist"), "family:missing", "true"), 400, "not-supported");
        assertOutcome(search(asStaff("receptionist"), "_sort", "family", "family", family), 400, "not-supported");
        assertOutcome(search(asStaff("receptionist"), "birthdate", "2000-13-01"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "birthdate", "1990-02-30"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "birthdate", "2000-01-01T10:00:00Z"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "birthdate", "ap2000"), 400, "not-supported");
        assertOutcome(search(asStaff("receptionist"), "gender", "f"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "name", "%%"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "telecom", "phone|abc"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "family", family, "_count", "-1"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "family", family, "_cursor", "bm90LWEtY3Vyc29y"), 400, "invalid");
        assertOutcome(asStaff("receptionist").get(BASE + "/Patient"), 400, "invalid");
        assertOutcome(search(asStaff("receptionist"), "name", ""), 400, "invalid");

        // lenient handling ignores what it does not know, says so, and leaves it out of the self link
        Response lenient = search(asStaff("receptionist").header("Prefer", "handling=lenient"),
                "family", family, "address-city", "Köln");
        lenient.then().statusCode(200).body("total", equalTo(2))
                .body("entry.find { it.search.mode == 'outcome' }.resource.issue[0].severity", equalTo("warning"))
                .body("entry.find { it.search.mode == 'outcome' }.resource.issue[0].diagnostics", containsString("address-city"));
        assertTrue(!lenient.jsonPath().getString("link.find { it.relation == 'self' }.url").contains("address-city"));
        FhirValidation.assertValid(lenient.asString());
    }

    @Test
    void everyPatientReturnedIsAudited() {
        String search = PatientApi.requestId();
        asStaff("receptionist").header("X-Request-Id", search).queryParam("family", family).get(BASE + "/Patient")
                .then().statusCode(200).body("total", equalTo(2));
        assertEquals(2, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + search
                + "' and action = 'patient.search' and outcome = 'success' and access_basis = 'front-desk'"));
        assertEquals(2, Databases.count(dataSource, "select count(distinct patient_id) from audit_log where request_id = '"
                + search + "' and patient_id in ('" + a + "', '" + b + "')"));

        String countOnly = PatientApi.requestId();
        asStaff("receptionist").header("X-Request-Id", countOnly).queryParam("family", family).queryParam("_count", 0)
                .get(BASE + "/Patient").then().statusCode(200);
        assertEquals(0, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + countOnly + "'"),
                "no patient returned, nothing to audit");

        String clientId = FhirApi.newClientId();
        String bySystem = PatientApi.requestId();
        asClient(clientId, "patient.read").header("X-Request-Id", bySystem).queryParam("family", family).get(BASE + "/Patient")
                .then().statusCode(200).body("total", equalTo(2));
        assertEquals(2, Databases.count(dataSource, "select count(*) from audit_log where request_id = '" + bySystem
                + "' and action = 'patient.search' and actor = '" + clientId + "' and access_basis = 'api-client'"));
    }

    @Test
    void callersSeeWhatTheirAccessAllows() {
        assertOutcome(given().accept(FHIR_JSON).queryParam("family", family).get(BASE + "/Patient"), 401, "login");
        assertOutcome(search(asClient(FhirApi.newClientId(), "queue.read"), "family", family), 403, "forbidden");
        assertEquals(2, found(asClient(FhirApi.newClientId(), "patient.read"), "family", family).size());
        assertEquals(2, found(asStaff("admin"), "family", family).size());

        String department = UUID.randomUUID().toString();
        RequestSpecification nurse = given().auth().oauth2(TestTokens.forRolesIn(List.of(department), "nurse")).accept(FHIR_JSON);
        assertEquals(List.of(), found(nurse, "family", family), "not in the nurse's department");
        PatientApi.linkToDepartment(dataSource, b, department);
        nurse = given().auth().oauth2(TestTokens.forRolesIn(List.of(department), "nurse")).accept(FHIR_JSON);
        assertEquals(List.of(b), found(nurse, "family", family));

        PatientApi.as("receptionist").body(Map.of("reason", "registered twice"))
                .post("/api/v1/patients/{id}/entered-in-error", a).then().statusCode(200);
        assertEquals(List.of(b), found(asStaff("admin"), "family", family), "entered in error: never in a search");
        assertEquals(List.of(), found(asStaff("admin"), "_id", a));
    }

    @Test
    void searchResultsMayBeAskedForAsPlainJson() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("family", family);
        query.put("_format", "json");
        given().auth().oauth2(TestTokens.forRoles("receptionist")).accept("application/json").queryParams(query)
                .get(BASE + "/Patient").then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .body("link.find { it.relation == 'self' }.url", containsString("_format=json"));
        given().auth().oauth2(TestTokens.forRoles("receptionist")).accept("application/json").queryParam("family", family)
                .get(BASE + "/Patient").then().statusCode(200).contentType(startsWith("application/json"))
                .body("total", equalTo(2));
    }
}
