package dev.medi.auth.rest;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The staff directory (issue 13 item 8): display names of a department's active staff for its staff, and nothing a
 * colleague need not know.
 */
@QuarkusTest
class StaffResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PASSWORD = "violet tram at dawn 47";

    /** A department of this test alone, and another one only the nurse also works in. */
    private final String ward = UUID.randomUUID().toString();
    private final String elsewhere = UUID.randomUUID().toString();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String doctorId;
    private String nurseId;
    private String receptionistToken;

    @BeforeEach
    void staff() {
        String admin = UserResourceTest.signIn("admin");
        doctorId = create(admin, "dir.doctor." + suffix, "Dr Ada Quill " + suffix, List.of("doctor"), List.of(ward));
        nurseId = create(admin, "dir.nurse." + suffix, "Ben Nurse " + suffix, List.of("nurse"), List.of(ward, elsewhere));
        String gone = create(admin, "dir.gone." + suffix, "Cy Gone " + suffix, List.of("nurse"), List.of(ward));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("active", false)).patch("/api/v1/users/{id}", gone).then().statusCode(200);
        create(admin, "dir.desk." + suffix, "Dee Desk " + suffix, List.of("receptionist"), List.of(ward));
        receptionistToken = given().contentType(ContentType.JSON)
                .body(Map.of("username", "dir.desk." + suffix, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    @Test
    void anyStaffMemberOfTheDepartmentSeesItsActiveStaffByDisplayName() {
        given().auth().oauth2(receptionistToken).queryParam("departmentId", ward).get("/api/v1/staff")
                .then().statusCode(200)
                .body("items.displayName", equalTo(List.of("Ben Nurse " + suffix, "Dee Desk " + suffix, "Dr Ada Quill " + suffix)))
                .body("items.find { it.id == '" + doctorId + "' }.username", equalTo("dir.doctor." + suffix))
                .body("items.find { it.id == '" + doctorId + "' }.roles", equalTo(List.of("doctor")))
                .body("items.find { it.id == '" + doctorId + "' }.departmentIds", equalTo(List.of(ward)))
                // exactly these fields: nothing to reach, impersonate or profile a colleague with
                .body("items[0].keySet()", containsInAnyOrder("id", "username", "displayName", "roles", "departmentIds"));
    }

    @Test
    void theRoleNarrowsTheList() {
        given().auth().oauth2(receptionistToken).queryParam("departmentId", ward).queryParam("role", "doctor")
                .get("/api/v1/staff")
                .then().statusCode(200).body("items.id", equalTo(List.of(doctorId)));
        given().auth().oauth2(receptionistToken).queryParam("departmentId", ward).queryParam("role", "nurse")
                .get("/api/v1/staff")
                .then().statusCode(200).body("items.id", equalTo(List.of(nurseId)));
    }

    @Test
    void aCuriousColleagueSeesNeitherDisabledAccountsNorOtherDepartments() {
        given().auth().oauth2(receptionistToken).queryParam("departmentId", ward).get("/api/v1/staff")
                .then().statusCode(200)
                .body("items.username", not(hasItem("dir.gone." + suffix)))
                .body("items.email", not(hasItem("dir.nurse." + suffix + "@clinic.example")))
                // the nurse also works elsewhere: not the receptionist's business
                .body("items.find { it.id == '" + nurseId + "' }.departmentIds", equalTo(List.of(ward)));
        given().auth().oauth2(receptionistToken).queryParam("departmentId", elsewhere).get("/api/v1/staff")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/forbidden"));
    }

    @Test
    void anAdminSeesEveryDepartmentsDirectory() {
        given().auth().oauth2(UserResourceTest.signIn("admin")).queryParam("departmentId", elsewhere).get("/api/v1/staff")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(nurseId)))
                .body("items[0].departmentIds", containsInAnyOrder(ward, elsewhere));
    }

    @Test
    void badQueriesAre400() {
        given().auth().oauth2(receptionistToken).get("/api/v1/staff")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("departmentId"));
        given().auth().oauth2(receptionistToken).queryParam("departmentId", "not-a-department").get("/api/v1/staff")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("departmentId"));
        given().auth().oauth2(receptionistToken).queryParam("departmentId", ward).queryParam("role", "superuser")
                .get("/api/v1/staff")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("role"));
    }

    @Test
    void withoutATokenIs401() {
        given().queryParam("departmentId", ward).get("/api/v1/staff")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aTokenWithoutAStaffRoleIs403() {
        // what a user gets while a required second factor is not set up yet: no roles
        given().auth().oauth2(TestTokens.tokens().accessToken("enrolling." + suffix, List.of(), List.of(ward))).queryParam("departmentId", ward).get("/api/v1/staff")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    private static String create(String admin, String username, String displayName, List<String> roles,
                                 List<String> departments) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@clinic.example");
        body.put("displayName", displayName);
        body.put("roles", roles);
        body.put("departments", departments);
        body.put("initialPassword", PASSWORD);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201).extract().path("id");
    }
}
