package dev.medi.patient.rest;

import dev.medi.patient.PatientApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.medi.patient.PatientApi.PROBLEM_JSON;
import static dev.medi.patient.PatientApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Front-desk search: matching, ranking, filters, pagination. Each test uses names no other test uses. */
@QuarkusTest
class PatientSearchTest {

    private static JsonPath search(Map<String, ?> parameters) {
        return as("receptionist").queryParams(parameters).get("/api/v1/patients")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(Map<String, ?> parameters) {
        return search(parameters).getList("items.id");
    }

    @Test
    void namesAreFoundWhateverTheCaseAndAccents() {
        String base = PatientApi.uniqueName().toLowerCase();
        String family = "Bé" + base;                                  // e.g. "Bésodalemik"
        String id = PatientApi.register(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Zoë"));
        for (String query : List.of("be" + base, "BE" + base.toUpperCase(), "Bé" + base, "BÉ" + base.toUpperCase(),
                "zoe be" + base, "Be" + base + ", Zoe")) {
            assertEquals(List.of(id), ids(Map.of("q", query)), query);
        }
        JsonPath found = search(Map.of("q", "be" + base));
        assertEquals(family, found.getString("items[0].name.family"));
        assertEquals("name", found.getString("items[0].match"));
    }

    @Test
    void typosAreTolerated() {
        String family = PatientApi.uniqueName() + "ski";               // e.g. "Sodopeduzski": 12 letters
        String id = PatientApi.register(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Johanna"));
        String lower = family.toLowerCase();
        String substituted = lower.substring(0, 5) + (lower.charAt(5) == 'x' ? 'y' : 'x') + lower.substring(6);
        String swapped = lower.substring(0, 3) + lower.charAt(4) + lower.charAt(3) + lower.substring(5);
        String missing = lower.substring(0, 6) + lower.substring(7);
        for (String query : List.of(substituted, swapped, missing, "jhoanna " + swapped, "johana " + substituted)) {
            assertTrue(ids(Map.of("q", query)).contains(id), "found with " + query);
        }
    }

    @Test
    void fragmentsMatchTheBeginningOfNamesInAnyOrder() {
        String family = PatientApi.uniqueName();
        String id = PatientApi.register(PatientApi.person(family, PatientApi.uniqueBirthDate(), "Maximilian"));
        assertTrue(ids(Map.of("q", family.substring(0, 5) + " max")).contains(id));
        assertTrue(ids(Map.of("q", "maxim " + family.substring(0, 6).toUpperCase())).contains(id));
        assertFalse(ids(Map.of("q", family.substring(0, 5) + " johanna")).contains(id), "every word must match");
    }

    @Test
    void closerMatchesRankHigherAndExactIdentifiersFirst() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        String exact = PatientApi.register(PatientApi.person(family, birthDate, "Anna"));
        String extraName = PatientApi.register(PatientApi.person(family, birthDate.plusDays(1), "Anna", "Maria"));
        String typo = PatientApi.register(PatientApi.person(family.substring(0, family.length() - 1) + "x",
                birthDate.plusDays(2), "Anna"));
        String prefix = PatientApi.register(PatientApi.person(family + "berg", birthDate.plusDays(3), "Anna"));
        // someone whose insurance number is exactly what was typed
        Map<String, Object> holder = PatientApi.person();
        holder.put("identifiers", List.of(Map.of("system", "insurance", "value", "Anna " + family)));
        String byIdentifier = PatientApi.register(holder);

        JsonPath found = search(Map.of("q", "Anna " + family));
        List<String> order = found.getList("items.id");
        assertEquals(List.of(byIdentifier, exact, extraName), order.subList(0, 3));
        assertTrue(order.indexOf(extraName) < order.indexOf(prefix) && order.indexOf(prefix) < order.indexOf(typo),
                "exact words, then a longer name, then a prefix, then a typo: " + order);
        assertEquals("exact", found.getString("items[0].match"));
        assertEquals(1.0, found.getDouble("items[0].score"));
        assertEquals(1.0, found.getDouble("items[1].score"));
        assertTrue(found.getDouble("items[2].score") < 1.0);
    }

    @Test
    void anMrnInTheQueryFindsItsPatientFirst() {
        String id = PatientApi.registerSomeone();
        String mrn = as("admin").get("/api/v1/patients/{id}", id).path("mrn");
        JsonPath found = search(Map.of("q", mrn.substring(0, 4) + " " + mrn.substring(4)));
        assertEquals(id, found.getString("items[0].id"));
        assertEquals("exact", found.getString("items[0].match"));
    }

    @Test
    void filtersNarrowTheResult() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        Map<String, Object> person = PatientApi.person(family, birthDate, "Ida");
        person.put("phone", "+49 (0)160 " + (1_000_000 + (int) (Math.random() * 8_000_000)));
        String id = PatientApi.register(person);
        String twin = PatientApi.register(PatientApi.person(family, birthDate.plusDays(1), "Ida"));
        String mrn = as("admin").get("/api/v1/patients/{id}", id).path("mrn");

        assertEquals(Set.of(id, twin), Set.copyOf(ids(Map.of("q", family))));
        assertEquals(List.of(id), ids(Map.of("q", family, "birthDate", birthDate.toString())));
        assertEquals(List.of(id), ids(Map.of("birthDate", birthDate.toString())));
        String national = ((String) person.get("phone")).replace("+49 (0)", "0").replace(" ", "-");
        assertEquals(List.of(id), ids(Map.of("phone", national)));
        assertEquals(List.of(id), ids(Map.of("mrn", mrn)));
        assertEquals(List.of(), ids(Map.of("mrn", mrn, "birthDate", birthDate.plusDays(1).toString())));
        JsonPath byFilter = search(Map.of("mrn", mrn));
        assertEquals("filter", byFilter.getString("items[0].match"));
        assertEquals(0.0, byFilter.getDouble("items[0].score"));
    }

    @Test
    void keysetPaginationVisitsEveryMatchOnce() {
        String family = PatientApi.uniqueName();
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            // the same name seven times: equal scores, so the id decides the order
            registered.add(as("admin").body(PatientApi.person(family, birthDate.plusDays(i), "Emil"))
                    .post("/api/v1/patients?force=true").then().statusCode(201).extract().<String>path("id"));
        }
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("q", "emil " + family))) {
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                var request = as("receptionist").queryParams(query).queryParam("limit", 3);
                if (after != null) {
                    request.queryParam("after", after);
                }
                JsonPath page = request.get("/api/v1/patients").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                after = page.getString("next");
                pages++;
            } while (after != null && pages < 10);
            assertEquals(3, pages);
            assertEquals(7, seen.size(), "no patient twice");
            assertEquals(registered, Set.copyOf(seen));
        }
    }

    @Test
    void filterOnlySearchesPageToo() {
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            registered.add(PatientApi.register(PatientApi.person(PatientApi.uniqueName(), birthDate, "Ole")));
        }
        JsonPath first = search(Map.of("birthDate", birthDate.toString(), "limit", 4));
        assertEquals(4, first.getList("items").size());
        assertNotNull(first.getString("next"));
        JsonPath second = search(Map.of("birthDate", birthDate.toString(), "limit", 4, "after", first.getString("next")));
        Set<String> seen = new HashSet<>(first.getList("items.id"));
        seen.addAll(second.getList("items.id"));
        assertEquals(registered, seen);
        assertEquals(null, second.getString("next"));
    }

    @Test
    void aCursorOnlyContinuesItsOwnSearch() {
        LocalDate birthDate = PatientApi.uniqueBirthDate();
        PatientApi.register(PatientApi.person(PatientApi.uniqueName(), birthDate, "Ada"));
        PatientApi.register(PatientApi.person(PatientApi.uniqueName(), birthDate, "Ada"));
        String next = search(Map.of("birthDate", birthDate.toString(), "limit", 1)).getString("next");
        as("receptionist").queryParam("birthDate", birthDate.plusDays(1).toString()).queryParam("after", next)
                .get("/api/v1/patients").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("after")));
        as("receptionist").queryParam("birthDate", birthDate.toString()).queryParam("after", "bm90LWEtY3Vyc29y")
                .get("/api/v1/patients").then().statusCode(400).body("errors.field", equalTo(List.of("after")));
    }

    @Test
    void badSearchesAreRejected() {
        as("receptionist").get("/api/v1/patients").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("q"));
        as("receptionist").queryParam("q", "a").get("/api/v1/patients").then().statusCode(400)
                .body("errors.field", equalTo(List.of("q")));
        as("receptionist").queryParam("mrn", "1000000065").get("/api/v1/patients").then().statusCode(400)
                .body("errors.field", equalTo(List.of("mrn")));
        as("receptionist").queryParam("phone", "--").get("/api/v1/patients").then().statusCode(400)
                .body("errors.field", equalTo(List.of("phone")));
        as("receptionist").queryParam("q", "anna").queryParam("limit", 0).get("/api/v1/patients").then().statusCode(400)
                .body("errors.field", equalTo(List.of("limit")));
        as("receptionist").queryParam("q", "anna").queryParam("limit", 101).get("/api/v1/patients").then().statusCode(400);
        as("receptionist").queryParam("birthDate", "yesterday").get("/api/v1/patients").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("birthDate")));
    }

    @Test
    void nothingFoundIsAnEmptyPage() {
        as("receptionist").queryParam("q", "zz" + PatientApi.uniqueName() + "qq").get("/api/v1/patients")
                .then().statusCode(200).body("items", empty()).body("next", nullValue());
    }

    @Test
    void resultsCarryNoMoreThanTheDeskNeeds() {
        Map<String, Object> person = PatientApi.person();
        person.put("allergies", List.of(Map.of("substance", "peanuts")));
        String family = (String) ((Map<?, ?>) person.get("name")).get("family");
        PatientApi.register(person);
        as("receptionist").queryParam("q", family).get("/api/v1/patients").then().statusCode(200)
                .body("items[0].keySet()", not(hasItem("allergies")))
                .body("items[0].keySet()", not(hasItem("address")));
    }

    @Test
    void anonymousCallersGet401() {
        given().queryParam("q", "anna").get("/api/v1/patients").then().statusCode(401).contentType(PROBLEM_JSON);
    }
}
