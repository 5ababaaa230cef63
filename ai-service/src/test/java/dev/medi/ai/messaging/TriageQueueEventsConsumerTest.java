package dev.medi.ai.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.QueueStatuses;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.Databases;
import dev.medi.platform.testing.TestTokens;
import dev.medi.platform.testing.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Queue events on the real medi.queue.events.v1 topic, as queue-service publishes them: a check-in with a chief
 * complaint becomes a stored suggestion; the nurse's triage is joined with it (agreement, under-, over-triage),
 * counted in the metrics and in the admin's figures; redeliveries change nothing.
 */
@QuarkusTest
class TriageQueueEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private TriageQueueEventSender queue;
    private final UUID department = UUID.randomUUID();

    @BeforeEach
    void producer() {
        queue = new TriageQueueEventSender(json);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private long count(String sql) {
        return Databases.count(dataSource, sql);
    }

    private void awaitSuggestion(UUID entry) {
        await().atMost(WAIT).until(() -> count("select count(*) from triage_suggestions where queue_entry_id = '"
                + entry + "'") == 1);
    }

    private double outcomes(String outcome) {
        Counter counter = registry.find("medi.ai.triage.outcomes").tag("department", department.toString())
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCheckInWithAComplaintGetsASuggestionAndTheNursesTriageIsJoined() {
        UUID chestPain = UUID.randomUUID();
        UUID soreThroat = UUID.randomUUID();
        UUID ankle = UUID.randomUUID();
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(chestPain, department,
                "chest pain since an hour, no shortness of breath"), null);
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(soreThroat, department, "sore throat"), null);
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(ankle, department, "twisted ankle"), null);
        awaitSuggestion(chestPain);
        awaitSuggestion(soreThroat);
        awaitSuggestion(ankle);
        assertEquals(1, count("select count(*) from triage_suggestions where queue_entry_id = '" + chestPain
                + "' and source = 'check-in' and suggested_level = 2 and department_id = '" + department
                + "' and age_years is null and vitals is null and advisor_engine = 'offline' and outcome is null"));

        // the nurse: 2 for the chest pain (agreement), 4 for the sore throat (suggested 5: under-triage),
        // 5 for the ankle (suggested 4: over-triage)
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        queue.send(QueueEvents.TRIAGED.type(), TriageQueueEventSender.entry(chestPain, department, QueueStatuses.TRIAGED,
                "chest pain", 2), TriageQueueEventSender.triage(2, at));
        queue.send(QueueEvents.TRIAGED.type(), TriageQueueEventSender.entry(soreThroat, department, QueueStatuses.TRIAGED,
                "sore throat", 4), TriageQueueEventSender.triage(4, at));
        queue.send(QueueEvents.TRIAGED.type(), TriageQueueEventSender.entry(ankle, department, QueueStatuses.TRIAGED,
                "twisted ankle", 5), TriageQueueEventSender.triage(5, at));
        await().atMost(WAIT).until(() -> count("select count(*) from triage_suggestions where department_id = '"
                + department + "' and outcome is not null") == 3);
        assertEquals(1, count("select count(*) from triage_suggestions where queue_entry_id = '" + chestPain
                + "' and nurse_level = 2 and outcome = 'agreement'"));
        assertEquals(1, count("select count(*) from triage_suggestions where queue_entry_id = '" + soreThroat
                + "' and suggested_level = 5 and nurse_level = 4 and outcome = 'under-triage'"));
        assertEquals(1, count("select count(*) from triage_suggestions where queue_entry_id = '" + ankle
                + "' and suggested_level = 4 and nurse_level = 5 and outcome = 'over-triage'"));
        assertEquals(1.0, outcomes("agreement"));
        assertEquals(1.0, outcomes("under-triage"));
        assertEquals(1.0, outcomes("over-triage"));

        // the nurse's view of the entry and the admin's figures of the day
        given().auth().oauth2(TestTokens.forRolesIn(List.of(department.toString()), "nurse"))
                .get("/api/v1/ai/triage-suggestions?queueEntryId={e}", soreThroat).then().statusCode(200)
                .body("suggestedLevel", equalTo(5)).body("nurse.finalLevel", equalTo(4))
                .body("nurse.outcome", equalTo("under-triage"));
        String today = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        double rate = given().auth().oauth2(TestTokens.forRolesIn(List.of(), "admin"))
                .get("/api/v1/ai/triage-agreement?departmentId={d}&date={day}", department, today).then().statusCode(200)
                .body("suggestions", equalTo(3))
                .body("triaged", equalTo(3))
                .body("agreement.count", equalTo(1))
                .body("underTriage.count", equalTo(1))
                .body("overTriage.count", equalTo(1))
                .extract().jsonPath().getDouble("underTriage.rate");
        assertEquals(1.0 / 3, rate, 1e-6);
    }

    @Test
    void aReTriageReplacesTheFinalLevelAndTheNursesRequestIsTheOneJoined() {
        UUID entry = UUID.randomUUID();
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(entry, department, "abdominal pain"), null);
        awaitSuggestion(entry);
        // at the triage form the nurse asks again, with age and vitals: this is the suggestion the nurse saw
        given().auth().oauth2(TestTokens.forRolesIn(List.of(department.toString()), "nurse")).contentType(ContentType.JSON)
                .body(Map.of("departmentId", department, "queueEntryId", entry, "chiefComplaint", "abdominal pain",
                        "ageYears", 80))
                .post("/api/v1/ai/triage-suggestions").then().statusCode(200).body("suggestedLevel", equalTo(2));

        Instant first = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        queue.send(QueueEvents.TRIAGED.type(), TriageQueueEventSender.entry(entry, department, QueueStatuses.TRIAGED,
                "abdominal pain", 3), TriageQueueEventSender.triage(3, first));
        await().atMost(WAIT).until(() -> count("select count(*) from triage_suggestions where queue_entry_id = '" + entry
                + "' and source = 'request' and outcome = 'over-triage'") == 1);
        queue.send(QueueEvents.TRIAGED.type(), TriageQueueEventSender.entry(entry, department, QueueStatuses.TRIAGED,
                "abdominal pain", 2), TriageQueueEventSender.triage(2, first.plusSeconds(60)));
        await().atMost(WAIT).until(() -> count("select count(*) from triage_suggestions where queue_entry_id = '" + entry
                + "' and source = 'request' and outcome = 'agreement' and nurse_level = 2") == 1);
        assertEquals(0, count("select count(*) from triage_suggestions where queue_entry_id = '" + entry
                + "' and source = 'check-in' and outcome is not null"), "an entry counts once");
    }

    @Test
    void theSameCheckInTwiceMakesOneSuggestionAndOtherEventsNone() {
        UUID entry = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        queue.send(id, QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(entry, department, "headache"), null);
        queue.send(id, QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(entry, department, "headache"), null);
        UUID silent = UUID.randomUUID();
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(silent, department, null), null);
        queue.send(QueueEvents.CALLED.type(), TriageQueueEventSender.entry(entry, department, QueueStatuses.CALLED,
                "headache", 4), null);
        // a later event of the same department (same partition) marks that the ones before were consumed
        UUID marker = UUID.randomUUID();
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(marker, department, "cough"), null);
        awaitSuggestion(marker);
        assertEquals(1, count("select count(*) from triage_suggestions where queue_entry_id = '" + entry + "'"));
        assertEquals(0, count("select count(*) from triage_suggestions where queue_entry_id = '" + silent + "'"));
        assertEquals(1, count("select count(*) from medi_inbox where consumer = '" + TriageQueueEventsConsumer.CONSUMER
                + "' and event_id = '" + id + "'"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithoutHoldingThePartition() {
        String poison = queue.sendRaw(UUID.randomUUID().toString(), QueueEvents.TRIAGED.type(), department,
                "{\"departmentId\":\"" + department + "\",\"sequence\":1,\"entry\":{\"id\":\"" + UUID.randomUUID()
                        + "\",\"departmentId\":\"" + department + "\",\"status\":\"TRIAGED\"}}");
        UUID after = UUID.randomUUID();
        queue.send(QueueEvents.CHECKED_IN.type(), TriageQueueEventSender.arrived(after, department, "rash"), null);
        awaitSuggestion(after);
        TopicReader.awaitOne(Topics.deadLetter(Topics.QUEUE_EVENTS),
                record -> poison.equals(TopicReader.header(record, "ce_id")));
    }
}
