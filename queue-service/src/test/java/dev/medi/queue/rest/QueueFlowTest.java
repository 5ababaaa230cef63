package dev.medi.queue.rest;

import dev.medi.devstack.DevTokens;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.queue.QueueApi.EMERGENCY;
import static dev.medi.queue.QueueApi.GENERAL;
import static dev.medi.queue.QueueApi.ROOM;
import static dev.medi.queue.QueueApi.as;
import static dev.medi.queue.QueueApi.checkIn;
import static dev.medi.queue.QueueApi.newDepartment;
import static dev.medi.queue.QueueApi.triage;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An entry's way through the queue over the API, with the rules, role checks and events of each step. */
@QuarkusTest
class QueueFlowTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void checkInGetsADailyTicketOfTheDepartment() {
        String department = newDepartment();
        String code = as("admin").get("/api/v1/departments/{id}", department).then().extract().path("code");
        String first = checkIn(department, "cough");
        String second = checkIn(department, "cough");
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", department, first)
                .then().statusCode(200).body("ticket", equalTo(code + "-001")).body("status", equalTo("ARRIVED"))
                .body("priority", equalTo(3)).body("slaDueAt", notNullValue());
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", department, second).then().body("ticket", equalTo(code + "-002"));
    }

    @Test
    void theNurseConfirmsTheEnginesLevelOrOverridesItWithAReason() {
        String entry = checkIn(GENERAL, "sprained ankle");
        // the engine alone: one resource (an x-ray) → ESI 4
        as("nurse").body(triage(1)).post("/api/v1/triage/evaluations")
                .then().statusCode(200).body("engineLevel", equalTo(4)).body("rule", equalTo("C_ONE_RESOURCE"));

        Map<String, Object> override = triage(1);
        override.put("finalLevel", 3);
        as("nurse").body(override).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("overrideReason"));
        assertEquals(0, count("select count(*) from triage_assessments where entry_id = '" + entry + "'"), "nothing stored");

        override.put("overrideReason", "swelling and deformity: likely fracture");
        as("nurse").body(override).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(200)
                .body("engineLevel", equalTo(4)).body("finalLevel", equalTo(3))
                .body("overrideReason", equalTo("swelling and deformity: likely fracture"))
                .body("assessedBy", notNullValue())
                .body("entry.status", equalTo("TRIAGED")).body("entry.esiLevel", equalTo(3));

        as("nurse").body(triage(2)).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry) // re-triage, accepted
                .then().statusCode(200).body("engineLevel", equalTo(3)).body("finalLevel", equalTo(3)).body("overrideReason", nullValue());

        as("doctor").get("/api/v1/queues/{d}/entries/{id}/history", GENERAL, entry).then().statusCode(200)
                .body("triages.size()", equalTo(2))
                .body("triages[0].engineLevel", equalTo(4)).body("triages[0].finalLevel", equalTo(3))
                .body("triages[0].heartRate", equalTo(80))
                .body("transitions.to", equalTo(List.of("ARRIVED", "TRIAGED", "TRIAGED")));

        ConsumerRecord<String, String> triaged = TopicReader.awaitOne(Topics.QUEUE_EVENTS,
                record -> entry.equals(TopicReader.header(record, "ce_subject"))
                        && "medi.queue.entry.triaged.v1".equals(TopicReader.header(record, "ce_type")));
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, triaged.value());
        JsonObject assessment = new JsonObject(triaged.value()).getJsonObject("triage");
        assertEquals(80, assessment.getInteger("heartRate"), "the vitals travel with the event for patient-service");
        assertEquals(4, assessment.getInteger("engineLevel"));
        assertEquals(3, assessment.getInteger("finalLevel"));
    }

    @Test
    void triageInputIsValidated() {
        String entry = checkIn(GENERAL, "headache");
        Map<String, Object> noAge = triage(0);
        noAge.remove("ageYears");
        as("nurse").body(noAge).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("birthDate"));
        Map<String, Object> badVitals = triage(0);
        badVitals.put("vitals", Map.of("spo2", 140, "pain", 11));
        as("nurse").body(badVitals).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(400).body("errors.field", hasItem("vitals.spo2")).body("errors.field", hasItem("vitals.pain"));
        Map<String, Object> unknownField = triage(0);
        unknownField.put("esiLevel", 1);
        as("nurse").body(unknownField).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(400).body("errors.field", hasItem("esiLevel"));
        as("receptionist").body(triage(0)).post("/api/v1/queues/{d}/entries/{id}/triage", GENERAL, entry)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", GENERAL, entry).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void callNextTakesTheMostUrgentThenTheEarliest() {
        String department = newDepartment();
        String minor = checkIn(department, "rash");
        String urgent = checkIn(department, "chest pain");
        String unknown = checkIn(department, "dizzy");
        triageAs(department, minor, 1, 4, null);
        triageAs(department, urgent, 2, 2, "high-risk chest pain");

        assertEquals(urgent, callNext(department));
        assertEquals(unknown, callNext(department), "untriaged counts as ESI 3");
        assertEquals(minor, callNext(department));
        as("doctor").body(Map.of("room", ROOM)).post("/api/v1/queues/{d}/call-next", department)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("detail", equalTo("Nobody is waiting in this department."));
    }

    @Test
    void callNextChecksTheRoomAndTheRole() {
        String department = newDepartment();
        String entry = checkIn(department, "cough");
        as("doctor").body(Map.of("room", "Broom cupboard")).post("/api/v1/queues/{d}/call-next", department)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("room"));
        as("nurse").body(Map.of("room", ROOM)).post("/api/v1/queues/{d}/call-next", department)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", department, entry).then().body("status", equalTo("ARRIVED"));
    }

    @Test
    void aConsultationRunsFromCallToFinishAndIllegalStepsAre409() {
        String entry = checkIn(GENERAL, "earache");
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/finish", GENERAL, entry)
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://medi-os.dev/problems/conflict"));
        as("doctor").body(Map.of("room", ROOM, "entryId", entry)).post("/api/v1/queues/{d}/call-next", GENERAL)
                .then().statusCode(200).body("status", equalTo("CALLED")).body("room", equalTo(ROOM))
                .body("calledBy", notNullValue());
        as("receptionist").body(Map.of("reason", "mistake")).post("/api/v1/queues/{d}/entries/{id}/cancel", GENERAL, entry)
                .then().statusCode(409);
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/consultation", GENERAL, entry)
                .then().statusCode(200).body("status", equalTo("IN_CONSULTATION"));
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/finish", GENERAL, entry)
                .then().statusCode(200).body("status", equalTo("FINISHED")).body("endedAt", notNullValue());
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/consultation", GENERAL, entry).then().statusCode(409);
        as("doctor").get("/api/v1/queues/{d}/entries/{id}/history", GENERAL, entry).then()
                .body("transitions.to", equalTo(List.of("ARRIVED", "CALLED", "IN_CONSULTATION", "FINISHED")))
                .body("transitions[1].room", equalTo(ROOM));
        List<String> types = TopicReader.awaitRecords(Topics.QUEUE_EVENTS,
                        record -> entry.equals(TopicReader.header(record, "ce_subject")), 4)
                .stream().map(record -> TopicReader.header(record, "ce_type")).toList();
        assertEquals(List.of("medi.queue.entry.checked-in.v1", "medi.queue.entry.called.v1",
                "medi.queue.entry.consultation-started.v1", "medi.queue.entry.finished.v1"), types);
    }

    @Test
    void waysOutOfTheQueueRecordWhoAndWhy() {
        String left = checkIn(GENERAL, "tired of waiting");
        as("receptionist").body(Map.of("reason", "went home")).post("/api/v1/queues/{d}/entries/{id}/left-without-being-seen", GENERAL, left)
                .then().statusCode(200).body("status", equalTo("LEFT_WITHOUT_BEING_SEEN"));
        String cancelled = checkIn(GENERAL, "duplicate");
        as("receptionist").body(Map.of()).post("/api/v1/queues/{d}/entries/{id}/cancel", GENERAL, cancelled)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as("receptionist").body(Map.of("reason", "registered twice")).post("/api/v1/queues/{d}/entries/{id}/cancel", GENERAL, cancelled)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("doctor").body(Map.of("reason", "x")).post("/api/v1/queues/{d}/entries/{id}/cancel", GENERAL, cancelled)
                .then().statusCode(403);
        String noShow = checkIn(GENERAL, "cough");
        as("doctor").body(Map.of("room", ROOM, "entryId", noShow)).post("/api/v1/queues/{d}/call-next", GENERAL).then().statusCode(200);
        as("doctor").body(Map.of("reason", "called three times")).post("/api/v1/queues/{d}/entries/{id}/no-show", GENERAL, noShow)
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        as("nurse").get("/api/v1/queues/{d}/entries/{id}/history", GENERAL, cancelled).then()
                .body("transitions[1].reason", equalTo("registered twice")).body("transitions[1].actor", notNullValue());
    }

    @Test
    void aTransferKeepsArrivalLevelAndHistory() {
        String entry = checkIn(GENERAL, "abdominal pain");
        triageAs(GENERAL, entry, 2, 3, null);
        String arrivedAt = as("nurse").get("/api/v1/queues/{d}/entries/{id}", GENERAL, entry).then().extract().path("arrivedAt");
        String moved = as("nurse").body(Map.of("departmentId", EMERGENCY, "reason", "needs surgical review"))
                .post("/api/v1/queues/{d}/entries/{id}/transfer", GENERAL, entry)
                .then().statusCode(200)
                .body("departmentId", equalTo(EMERGENCY)).body("ticket", matchesPattern("EMR-\\d{3}"))
                .body("status", equalTo("TRIAGED")).body("esiLevel", equalTo(3)).body("arrivedAt", equalTo(arrivedAt))
                .body("transferredFrom", equalTo(entry))
                .extract().path("id");
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", GENERAL, entry).then()
                .body("status", equalTo("TRANSFERRED")).body("transferredTo", equalTo(EMERGENCY));
        as("nurse").get("/api/v1/queues/{d}/entries/{id}/history", EMERGENCY, moved).then()
                .body("transitions.to", equalTo(List.of("ARRIVED", "TRIAGED", "TRANSFERRED", "TRIAGED")))
                .body("transitions[3].reason", matchesPattern("transferred from GEN-\\d{3}"))
                .body("triages.size()", equalTo(1));
        // both events of the transfer name the nurse who made it (patient-service audits the transfer in with it)
        for (String[] event : new String[][] {{entry, "medi.queue.entry.transferred.v1"}, {moved, "medi.queue.entry.transferred-in.v1"}}) {
            ConsumerRecord<String, String> record = TopicReader.awaitOne(Topics.QUEUE_EVENTS,
                    r -> event[0].equals(TopicReader.header(r, "ce_subject")) && event[1].equals(TopicReader.header(r, "ce_type")));
            EventSchemas.assertValid(Topics.QUEUE_EVENTS, record.value());
            JsonObject actor = new JsonObject(record.value()).getJsonObject("actor");
            assertEquals("test.nurse", actor.getString("name"), event[1]);
            assertEquals(DevTokens.userId("test.nurse"), actor.getString("id"), event[1]);
            assertEquals(List.of("nurse"), actor.getJsonArray("roles").getList(), event[1]);
        }
        as("nurse").body(Map.of("departmentId", GENERAL, "reason", "back")).post("/api/v1/queues/{d}/entries/{id}/transfer", GENERAL, entry)
                .then().statusCode(400);
        as("nurse").body(Map.of("departmentId", UUID.randomUUID(), "reason", "nowhere"))
                .post("/api/v1/queues/{d}/entries/{id}/transfer", EMERGENCY, moved).then().statusCode(404);
    }

    @Test
    void onlyAnAdminOverridesThePositionAndItIsAudited() {
        String department = newDepartment();
        String first = checkIn(department, "cough");
        String second = checkIn(department, "frail, confused");
        Map<String, Object> body = new HashMap<>(Map.of("priority", 1, "reason", "frail and deteriorating"));
        as("nurse").body(body).put("/api/v1/queues/{d}/entries/{id}/priority-override", department, second).then().statusCode(403);
        as("admin").body(Map.of("priority", 1)).put("/api/v1/queues/{d}/entries/{id}/priority-override", department, second)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as("admin").body(body).put("/api/v1/queues/{d}/entries/{id}/priority-override", department, second)
                .then().statusCode(200).body("priority", equalTo(1)).body("priorityOverride", equalTo(1));
        assertEquals(second, callNext(department));
        assertEquals(first, callNext(department));
        ConsumerRecord<String, String> audit = TopicReader.awaitOne(Topics.AUDIT, record -> second.equals(record.key()));
        JsonObject data = new JsonObject(audit.value());
        assertEquals("queue-entry.priority-override", data.getString("action"));
        as("admin").get("/api/v1/queues/{d}/entries/{id}/history", department, second).then()
                .body("transitions[1].reason", equalTo("priority 1: frail and deteriorating"));
    }

    @Test
    void unknownEntriesAndDepartmentsAre404() {
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/consultation", GENERAL, UUID.randomUUID()).then().statusCode(404);
        String elsewhere = checkIn(EMERGENCY, "cough");
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/consultation", GENERAL, elsewhere)
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    private String callNext(String department) {
        return as("doctor").body(Map.of("room", ROOM)).post("/api/v1/queues/{d}/call-next", department)
                .then().statusCode(200).extract().path("id");
    }

    private static void triageAs(String department, String entry, int resources, int level, String reason) {
        Map<String, Object> body = triage(resources);
        body.put("finalLevel", level);
        if (reason != null) {
            body.put("overrideReason", reason);
        }
        as("nurse").body(body).post("/api/v1/queues/{d}/entries/{id}/triage", department, entry).then().statusCode(200);
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }
}
