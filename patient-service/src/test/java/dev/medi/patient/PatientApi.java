package dev.medi.patient;

import dev.medi.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/**
 * Test helpers for the patient API: requests as a role, people with names and birth dates no other test uses
 * (so tests sharing one database never see each other's patients as duplicates), registration, direct writes.
 */
public final class PatientApi {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEMS = "https://medi-os.dev/problems/";

    private static final String CONSONANTS = "bdfgklmnprstvz";
    private static final String VOWELS = "aeiou";

    private PatientApi() {
    }

    /** A JSON request with a token of {@code role} (user {@code test.<role>}, demo departments). */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.forRoles(role)).contentType(ContentType.JSON);
    }

    /** A JSON request as user {@code username} with {@code roles}, working in {@code departments}. */
    public static RequestSpecification asUser(String username, List<String> departments, String... roles) {
        return given().auth().oauth2(TestTokens.tokens().accessToken(username, List.of(roles), departments))
                .contentType(ContentType.JSON);
    }

    /** A made-up word no other test produces (three random syllables plus two letters): a family name. */
    public static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())))
                    .append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        name.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A birth date between 1901 and 2010 (tests use so few that they do not collide by chance). */
    public static LocalDate uniqueBirthDate() {
        return LocalDate.of(1901, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(40_000));
    }

    /** A German mobile number written nationally, e.g. {@code 0151 2345 6789}. */
    public static String uniquePhone() {
        long digits = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        return "0151 " + digits / 100_000 + " " + digits % 100_000;
    }

    /** A registration body: the given names, a fresh family name, birth date and phone. */
    public static Map<String, Object> person(String... givenNames) {
        return person(uniqueName(), uniqueBirthDate(), givenNames);
    }

    public static Map<String, Object> person(String familyName, LocalDate birthDate, String... givenNames) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Map.of("family", familyName, "given", List.of(givenNames.length == 0 ? new String[]{"Alex"} : givenNames)));
        body.put("birthDate", birthDate.toString());
        body.put("sex", "female");
        body.put("phone", uniquePhone());
        return body;
    }

    /** Registers {@code body} as a receptionist; returns the new id. */
    public static String register(Map<String, Object> body) {
        return as("receptionist").body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
    }

    /** Registers a fresh person; returns the id. */
    public static String registerSomeone() {
        return register(person());
    }

    /** Runs one SQL statement with positional parameters against the service's database. */
    public static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the patient in a department's queue (an active entry, as the queue-event consumer records a check-in), which
     * gives that department's clinical staff access (ADR 0006); returns the entry's id.
     */
    public static UUID linkToDepartment(DataSource dataSource, String patientId, String departmentId) {
        UUID entry = UUID.randomUUID();
        execute(dataSource, "insert into patient_queue_entries (entry_id, patient_id, department_id, status, entry_version, "
                + "arrived_at, ended_at, updated_at) values (?, ?, ?, 'ARRIVED', 0, now(), null, now())",
                entry, UUID.fromString(patientId), UUID.fromString(departmentId));
        return entry;
    }

    /** A fresh request id, to find the audit records of exactly one request. */
    public static String requestId() {
        return "test-" + UUID.randomUUID();
    }
}
