package dev.medi.queue.rest;

import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import dev.medi.queue.PatientEventSender;
import dev.medi.queue.PatientServiceStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertProblem;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static dev.medi.platform.testing.ProblemAssertions.assertValidationFailed;
import static dev.medi.queue.QueueApi.as;
import static dev.medi.queue.QueueApi.checkIn;
import static dev.medi.queue.QueueApi.newDepartment;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Check-in and the walk-in link name only registered patients (ADR 0016): known from patient-service's events, or
 * confirmed by patient-service itself (here its stand-in) when the event has not arrived yet.
 */
@QuarkusTest
class KnownPatientCheckInTest {

    private static Map<String, Object> patient(UUID patientId) {
        return Map.of("patientId", patientId.toString(), "chiefComplaint", "cough");
    }

    private static io.restassured.response.Response checkInPatient(String department, String key, UUID patientId) {
        return as("receptionist").header("Idempotency-Key", key).body(patient(patientId))
                .post("/api/v1/queues/{d}/check-ins", department);
    }

    private static int queueLength(String department) {
        return as("nurse").get("/api/v1/queues/{d}/snapshot", department).then().statusCode(200)
                .extract().path("entries.size()");
    }

    @Test
    void anUnknownPatientIsRefusedAndNothingIsStored() {
        String department = newDepartment();
        String key = UUID.randomUUID().toString();
        assertProblem(checkInPatient(department, key, UUID.randomUUID()), 422, "unknown-patient")
                .body("errors.field", hasItem("patientId"));
        assertEquals(0, queueLength(department));
        // the key was not claimed either: the same key is free for another request
        as("receptionist").header("Idempotency-Key", key).body(Map.of("arrivalName", "Jo", "chiefComplaint", "cough"))
                .post("/api/v1/queues/{d}/check-ins", department).then().statusCode(201);
    }

    @Test
    void aPatientWhoseEventHasNotArrivedIsConfirmedByPatientServiceWithTheCallersToken() {
        String department = newDepartment();
        UUID patientId = PatientServiceStandIn.registeredOnlyThere();
        checkInPatient(department, UUID.randomUUID().toString(), patientId).then().statusCode(201)
                .body("patientId", equalTo(patientId.toString()));
        checkInPatient(department, UUID.randomUUID().toString(), patientId).then().statusCode(201); // remembered
        assertEquals(2, queueLength(department));
    }

    @Test
    void whenPatientServiceCannotAnswerTheCheckInIsRefusedWith503() {
        String department = newDepartment();
        assertProblem(checkInPatient(department, UUID.randomUUID().toString(), PatientServiceStandIn.whenPatientServiceFails()),
                503, "service-unavailable");
        assertEquals(0, queueLength(department));
    }

    @Test
    void aRegisteredEventMakesThePatientKnownAndEnteredInErrorForgetsIt() {
        String department = newDepartment();
        UUID patientId = UUID.randomUUID(); // patient-service's stand-in would answer 404: only the event can help
        PatientEventSender.send(PatientEvents.PATIENT_REGISTERED.type(), patientId, "active", 0);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                checkInPatient(department, UUID.randomUUID().toString(), patientId).then().statusCode(201));

        PatientEventSender.send(PatientEvents.PATIENT_ENTERED_IN_ERROR.type(), patientId, "entered-in-error", 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertProblem(checkInPatient(department, UUID.randomUUID().toString(), patientId), 422, "unknown-patient"));
    }

    @Test
    void aWalkInIsLinkedToThePatientRegisteredAfterwards() {
        String department = newDepartment();
        String entry = checkIn(department, "fell off a bike");
        UUID patientId = PatientServiceStandIn.registeredOnlyThere();

        as("receptionist").body(Map.of("patientId", patientId.toString()))
                .post("/api/v1/queues/{d}/entries/{id}/patient", department, entry)
                .then().statusCode(200).body("patientId", equalTo(patientId.toString())).body("status", equalTo("ARRIVED"));
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", department, entry)
                .then().statusCode(200).body("patientId", equalTo(patientId.toString()));
        as("nurse").get("/api/v1/queues/{d}/entries/{id}/history", department, entry)
                .then().statusCode(200).body("transitions.reason", hasItem("linked to the registered patient"));

        ConsumerRecord<String, String> event = TopicReader.awaitOne(Topics.QUEUE_EVENTS, record -> department.equals(record.key())
                && "medi.queue.entry.patient-linked.v1".equals(TopicReader.header(record, "ce_type")));
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, event.value());
        JsonObject data = new JsonObject(event.value());
        assertEquals(patientId.toString(), data.getJsonObject("entry").getString("patientId"));
        assertEquals(2, data.getLong("sequence"), "numbered per department after the check-in");
        assertEquals("receptionist", data.getJsonObject("actor").getJsonArray("roles").getString(0));

        // once linked, never again
        assertProblem(as("nurse").body(Map.of("patientId", PatientServiceStandIn.registeredOnlyThere().toString()))
                .post("/api/v1/queues/{d}/entries/{id}/patient", department, entry), 409, "conflict");
    }

    @Test
    void theLinkRefusesWhatItMust() {
        String department = newDepartment();
        String entry = checkIn(department, "dizzy");
        String path = "/api/v1/queues/{d}/entries/{id}/patient";
        Map<String, String> body = Map.of("patientId", PatientServiceStandIn.registeredOnlyThere().toString());

        assertProblem(as("receptionist").body(Map.of("patientId", UUID.randomUUID().toString())).post(path, department, entry),
                422, "unknown-patient").body("errors.field", hasItem("patientId"));
        assertProblem(as("receptionist").body(Map.of("patientId", PatientServiceStandIn.whenPatientServiceFails().toString()))
                .post(path, department, entry), 503, "service-unavailable");
        assertValidationFailed(as("receptionist").body(Map.of()).post(path, department, entry));
        assertUnauthorized(given().contentType("application/json").body(body).post(path, department, entry));
        assertForbidden(as("doctor").body(body).post(path, department, entry));
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("receptionist")).contentType("application/json")
                .body(body).post(path, department, entry)); // not one of the caller's departments
        assertProblem(as("receptionist").body(body).post(path, department, UUID.randomUUID()), 404, "not-found");

        as("receptionist").body(Map.of("reason", "registered twice"))
                .post("/api/v1/queues/{d}/entries/{id}/cancel", department, entry).then().statusCode(200);
        assertProblem(as("receptionist").body(body).post(path, department, entry), 409, "conflict");
        as("nurse").get("/api/v1/queues/{d}/entries/{id}", department, entry)
                .then().statusCode(200).body("patientId", equalTo(null));
    }
}
