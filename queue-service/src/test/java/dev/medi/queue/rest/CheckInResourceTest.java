package dev.medi.queue.rest;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.DemoData;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import dev.medi.queue.QueueApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CheckInResourceTest {

    private static final String GENERAL = DemoData.GENERAL;
    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void checkInStoresTheEntryAndPublishesACloudEventKeyedByDepartment() {
        String entryId = QueueApi.checkInAs("receptionist")
                .body(QueueApi.arrival("chest pain since this morning"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(201)
                .body("status", equalTo("ARRIVED"))
                .body("departmentId", equalTo(GENERAL))
                .body("chiefComplaint", equalTo("chest pain since this morning"))
                .body("arrivedAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(TestTokens.forRoles("doctor"))
                .get("/api/v1/queues/{dept}/entries/{id}", GENERAL, entryId)
                .then().statusCode(200).body("id", equalTo(entryId));

        ConsumerRecord<String, String> event = awaitEvent(entryId);
        assertEquals(GENERAL, event.key());
        assertEquals("medi.queue.entry.checked-in.v1", header(event, "ce_type"));
        assertEquals("/medi/queue-service", header(event, "ce_source"));
        assertEquals(entryId, header(event, "ce_subject"));
        assertEquals("1.0", header(event, "ce_specversion"));
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, event.value());
        JsonObject data = new JsonObject(event.value());
        assertEquals(GENERAL, data.getString("departmentId"));
        assertEquals(entryId, data.getJsonObject("entry").getString("id"));
        assertTrue(data.getLong("sequence") >= 1);
        assertEquals(0, count("select count(*) from outbox where id::text = '" + header(event, "ce_id") + "'"),
                "a published event is removed from the outbox");
    }

    @Test
    void theCheckedInEventNamesTheUserOfTheToken() {
        String token = QueueApi.token("receptionist");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        String entryId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(QueueApi.arrival("sore throat"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(201).extract().path("id");

        // on the real topic: the token's subject, user name and roles, in the one check-in statement's event
        ConsumerRecord<String, String> event = awaitEvent(entryId);
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, event.value());
        JsonObject actor = new JsonObject(event.value()).getJsonObject("actor");
        assertEquals(claims.getString("sub"), actor.getString("id"));
        assertEquals(claims.getString("upn"), actor.getString("name"));
        assertEquals(List.of("receptionist"), actor.getJsonArray("roles").getList());
        // the same person the entry's history names
        QueueApi.as("nurse").get("/api/v1/queues/{dept}/entries/{id}/history", GENERAL, entryId)
                .then().statusCode(200).body("transitions[0].actor", equalTo(actor.getString("name")));
    }

    @Test
    void ticketsHaveAtLeastThreeDigitsAndTheEventCarriesTheStoredEntry() throws Exception {
        String department = QueueApi.newDepartment();
        String first = QueueApi.checkInAs("admin").body(QueueApi.arrival("first of the day"))
                .post("/api/v1/queues/{dept}/check-ins", department)
                .then().statusCode(201).extract().path("ticket");
        assertTrue(first.endsWith("-001"), first);
        String code = first.substring(0, first.length() - "-001".length());
        // The database draws the number in the check-in's statement: jump to the end of the three-digit range.
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(
                "update department_days set last_ticket = 998 where department_id = ?::uuid")) {
            statement.setString(1, department);
            assertEquals(1, statement.executeUpdate());
        }
        assertEquals(code + "-999", QueueApi.checkInAs("admin").body(QueueApi.arrival("second"))
                .post("/api/v1/queues/{dept}/check-ins", department)
                .then().statusCode(201).extract().path("ticket"));
        Map<String, Object> answer = QueueApi.checkInAs("admin").body(QueueApi.arrival("  third  "))
                .post("/api/v1/queues/{dept}/check-ins", department)
                .then().statusCode(201).body("ticket", equalTo(code + "-1000")).extract().path("$");

        // The event was serialised before the number existed; it must carry the entry exactly as stored.
        Map<String, Object> stored = given().auth().oauth2(TestTokens.forRoles("admin"))
                .get("/api/v1/queues/{dept}/entries/{id}", department, answer.get("id"))
                .then().statusCode(200).extract().path("$");
        JsonObject entry = new JsonObject(awaitEvent((String) answer.get("id")).value()).getJsonObject("entry");
        assertEquals(code + "-1000", entry.getString("ticket"));
        assertEquals(stored.get("ticket"), entry.getString("ticket"));
        assertEquals("third", entry.getString("chiefComplaint"));
        assertEquals(stored.get("chiefComplaint"), entry.getString("chiefComplaint"));
        assertEquals(stored.get("priority"), entry.getInteger("priority"));
        assertEquals(java.time.Instant.parse((String) stored.get("slaDueAt")), entry.getInstant("slaDueAt"));
        assertEquals(0L, entry.getLong("version"));
        assertEquals(1, count("select count(*) from queue_transitions where entry_id = '" + answer.get("id")
                + "' and from_status is null and to_status = 'ARRIVED'"));
    }

    @Test
    void locationHeaderPointsAtTheNewEntry() {
        var response = QueueApi.checkInAs("nurse")
                .body(QueueApi.arrival("fever"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(201).extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/api/v1/queues/" + GENERAL + "/entries/" + id));
    }

    @Test
    void eventsOfOneDepartmentAreNumberedWithoutGaps() {
        // A fresh department starts its own sequence at 1.
        String department = QueueApi.newDepartment();
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 8).parallel().forEach(i -> {
            String id = QueueApi.checkInAs("admin")
                    .body(QueueApi.arrival("complaint " + i))
                    .post("/api/v1/queues/{dept}/check-ins", department)
                    .then().statusCode(201).extract().path("id");
            synchronized (ids) {
                ids.add(id);
            }
        });
        List<ConsumerRecord<String, String>> events = awaitEvents(department, 8);
        List<Long> sequences = events.stream().map(e -> new JsonObject(e.value()).getLong("sequence")).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), sequences, "delivered in order, no gaps");
        assertEquals(ids.stream().sorted().toList(),
                events.stream().map(e -> header(e, "ce_subject")).sorted().toList());
    }

    @Test
    void blankComplaintIsRejectedWithAProblemAndNothingStored() {
        long before = count("select count(*) from queue_entries");
        QueueApi.checkInAs("receptionist")
                .body(QueueApi.arrival("  "))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("chiefComplaint"))
                .body("requestId", notNullValue());
        assertEquals(before, count("select count(*) from queue_entries"));
    }

    @Test
    void missingBodyIsRejected() {
        QueueApi.checkInAs("receptionist")
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownFieldsAreRejected() {
        QueueApi.checkInAs("receptionist")
                .body(Map.of("arrivalName", "A", "chiefComplaint", "cough", "status", "FINISHED"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void malformedJsonIsRejected() {
        QueueApi.checkInAs("receptionist")
                .body("{\"chiefComplaint\": ")
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/malformed-request"));
    }

    @Test
    void wrongTypeIsRejected() {
        QueueApi.checkInAs("receptionist")
                .body("{\"chiefComplaint\": \"cough\", \"patientId\": \"not-a-uuid\"}")
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("patientId"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(QueueApi.arrival("cough"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://medi-os.dev/problems/unauthorized"));
    }

    @Test
    void aDoctorCannotCheckIn() {
        QueueApi.checkInAs("doctor")
                .body(QueueApi.arrival("cough"))
                .post("/api/v1/queues/{dept}/check-ins", GENERAL)
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/forbidden"));
    }

    @Test
    void aReceptionistCannotCheckInToAnotherDepartment() {
        QueueApi.checkInAs("receptionist")
                .body(QueueApi.arrival("cough"))
                .post("/api/v1/queues/{dept}/check-ins", UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownEntryIs404() {
        given().auth().oauth2(TestTokens.forRoles("nurse"))
                .get("/api/v1/queues/{dept}/entries/{id}", GENERAL, UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/not-found"));
    }

    @Test
    void unknownPathIs404Problem() {
        given().auth().oauth2(TestTokens.forRoles("nurse"))
                .get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "test-request-0001").get("/api/v1/departments")
                .then().header("X-Request-Id", equalTo("test-request-0001"));
        given().header("X-Request-Id", "bad id with spaces").get("/api/v1/departments")
                .then().header("X-Request-Id", notNullValue())
                .header("X-Request-Id", s -> !s.contains(" "), equalTo(true));
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    private static ConsumerRecord<String, String> awaitEvent(String entryId) {
        return TopicReader.awaitOne(Topics.QUEUE_EVENTS, record -> entryId.equals(header(record, "ce_subject")));
    }

    private static List<ConsumerRecord<String, String>> awaitEvents(String departmentId, int expected) {
        return TopicReader.awaitRecords(Topics.QUEUE_EVENTS, record -> departmentId.equals(record.key()), expected);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }
}
