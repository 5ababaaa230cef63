package dev.medi.queue.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.EventType;
import dev.medi.platform.events.QueueEventData;
import dev.medi.platform.events.QueueEvents;
import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import dev.medi.queue.Department;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.QueuePriority;
import dev.medi.queue.SlaTargets;
import dev.medi.queue.TriageRecord;
import dev.medi.triage.Avpu;
import dev.medi.triage.PatientAge;
import dev.medi.triage.TriageAssessment;
import dev.medi.triage.TriageEngine;
import dev.medi.triage.TriageResult;
import dev.medi.triage.Vitals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The published schema accepts what queue-service sends and rejects what it must never send. */
class QueueEventSchemaTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.123456Z");
    private static final QueuePriority RULES = new QueuePriority(3, Duration.ofMinutes(30), 1);
    private static final Department GENERAL = Department.create(UUID.randomUUID(), "GEN", "General",
            ZoneId.of("Europe/Berlin"), LocalTime.of(23, 59), SlaTargets.DEFAULT, NOW);
    private static final Department EMERGENCY = Department.create(UUID.randomUUID(), "EMR", "Emergency",
            ZoneId.of("Europe/Berlin"), LocalTime.of(23, 59), SlaTargets.DEFAULT, NOW);
    private static final Caller DESK = new Caller("desk.gen", Set.of("receptionist", "nurse"), Set.of(GENERAL.id()),
            UUID.randomUUID().toString());
    /** Serialised as queue-service's ObjectMapper does (ISO-8601 times, not timestamps). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String VALID = """
            {"departmentId":"0193a000-0000-7000-8000-000000000001","sequence":3,
             "entry":{"id":"0193a000-0000-7000-8000-0000000000aa","departmentId":"0193a000-0000-7000-8000-000000000001",
                      "ticket":"GEN-014","patientId":null,"arrivalName":"Jo","status":"TRIAGED","chiefComplaint":"cough",
                      "arrivedAt":"2026-11-26T08:00:00Z","esiLevel":4,"priority":4,"slaDueAt":"2026-11-26T09:00:00Z",
                      "slaBreachedAt":null,"calledBy":null,"room":null,"transferredTo":null,"transferredFrom":null,
                      "version":1}}""";

    @Test
    void aCompleteEventIsValid() {
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, VALID);
    }

    @Test
    void theActorIsOptionalNullableAndClosed() {
        String withActor = VALID.replace("\"sequence\":3,", "\"sequence\":3,\"actor\":{\"id\":\"0193a000-0000-7000-8000-0000000000bb\","
                + "\"name\":\"desk.gen\",\"roles\":[\"receptionist\"]},");
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, withActor);
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, VALID.replace("\"sequence\":3,", "\"sequence\":3,\"actor\":null,"));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                withActor.replace("\"name\":\"desk.gen\",", "")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                withActor.replace("\"name\":\"desk.gen\",", "\"name\":\"desk.gen\",\"password\":\"x\",")));
    }

    @Test
    void anEventWithoutSequenceIsInvalid() {
        assertThrows(AssertionError.class,
                () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS, VALID.replace("\"sequence\":3,", "")));
    }

    @Test
    void anUnknownStatusOrAnImpossibleLevelIsInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                VALID.replace("\"status\":\"TRIAGED\"", "\"status\":\"WAITING\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                VALID.replace("\"esiLevel\":4", "\"esiLevel\":6")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                VALID.replace("\"ticket\":\"GEN-014\"", "\"ticket\":\"gen 14\"")));
    }

    @Test
    void anEventWithAnUnknownFieldIsInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                VALID.replace("\"sequence\":3,", "\"sequence\":3,\"patientName\":\"x\",")));
    }

    /**
     * Every type in the catalogue, with the data queue-service writes for it: entries moved by the domain's own
     * transitions, through the publisher's own payload builder, numbered as the database does at commit.
     */
    @Test
    void theDataOfEveryCatalogueTypeAsQueueServiceWritesItIsValid() throws Exception {
        Map<EventType<QueueEventData>, Function<QueueEntry, QueueEventData>> producedBy = new LinkedHashMap<>();
        producedBy.put(QueueEvents.CHECKED_IN, entry -> data(entry, DESK));
        producedBy.put(QueueEvents.TRIAGED, entry -> {
            TriageAssessment measured = TriageAssessment.builder(PatientAge.ofYears(40, LocalDate.of(2026, 11, 26)))
                    .vitals(new Vitals(88, 16, 97, 120, 80, 37.2, 3, Avpu.ALERT)).chiefComplaint("cough")
                    .expectedResources(1).build();
            TriageResult result = new TriageEngine().assess(measured);
            entry.triage(result.level().value(), "nurse", GENERAL.slaTargets(), RULES, NOW);
            TriageRecord record = TriageRecord.of(entry.id(), measured, result, result.level().value(), null, "nurse", NOW);
            return numbered(QueueEventPublisher.data(entry, record.eventData(), DESK));
        });
        producedBy.put(QueueEvents.CALLED, entry -> {
            entry.call(UUID.randomUUID(), "Room 1", "doctor", NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.CONSULTATION_STARTED, entry -> {
            entry.call(UUID.randomUUID(), "Room 1", "doctor", NOW);
            entry.startConsultation("doctor", NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.FINISHED, entry -> {
            entry.call(UUID.randomUUID(), "Room 1", "doctor", NOW);
            entry.startConsultation("doctor", NOW);
            entry.finish("doctor", NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.TRANSFERRED, entry -> {
            entry.transferTo(EMERGENCY.id(), "nurse", "needs emergency care", NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.TRANSFERRED_IN, entry -> {
            entry.transferTo(EMERGENCY.id(), "nurse", "needs emergency care", NOW);
            return data(entry.continueIn(EMERGENCY, "EMR-007", "nurse", RULES, NOW), DESK);
        });
        producedBy.put(QueueEvents.LEFT_WITHOUT_BEING_SEEN, entry -> {
            entry.leftWithoutBeingSeen("desk", "left", NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.NO_SHOW, entry -> {
            entry.call(UUID.randomUUID(), "Room 1", "doctor", NOW);
            entry.noShow("system", "end-of-day close", NOW);
            return data(entry, QueueEventPublisher.BY_ITSELF);
        });
        producedBy.put(QueueEvents.CANCELLED, entry -> {
            entry.cancel("system", "end-of-day close", NOW);
            return data(entry, QueueEventPublisher.BY_ITSELF);
        });
        producedBy.put(QueueEvents.PRIORITY_OVERRIDDEN, entry -> {
            entry.overridePriority(1, "admin", "deteriorating", GENERAL.slaTargets(), RULES, NOW);
            return data(entry, DESK);
        });
        producedBy.put(QueueEvents.REPRIORITISED, entry -> {
            entry.reprioritise(GENERAL.slaTargets(), RULES, NOW.plus(Duration.ofHours(3)));
            return data(entry, QueueEventPublisher.BY_ITSELF);
        });
        producedBy.put(QueueEvents.SLA_BREACHED, entry -> {
            entry.markBreachIfDue(NOW.plus(Duration.ofHours(3)));
            return data(entry, QueueEventPublisher.BY_ITSELF);
        });
        producedBy.put(QueueEvents.PATIENT_LINKED, entry -> {
            entry.linkPatient(UUID.randomUUID(), "desk.gen", NOW);
            return data(entry, DESK);
        });
        assertEquals(new HashSet<>(QueueEvents.ALL), producedBy.keySet(), "a payload for every type in the catalogue");

        for (Map.Entry<EventType<QueueEventData>, Function<QueueEntry, QueueEventData>> type : producedBy.entrySet()) {
            QueueEntry entry = QueueEntry.checkIn(UUID.randomUUID(), GENERAL, "GEN-014", null, "Jo Example", "cough",
                    "desk.gen", RULES, NOW);
            QueueEventData data = type.getValue().apply(entry);
            EventSchemas.assertValid(type.getKey(), JSON.writeValueAsString(data));
            assertEquals(data.entry().departmentId().toString(), type.getKey().keyOf(data));
            assertEquals(data.entry().id().toString(), type.getKey().subjectOf(data));
            assertEquals(data.departmentId(), type.getKey().sequenceScopeOf(data), "numbered per department");
        }
    }

    @Test
    void theCatalogueFindsEachTypeByItsCloudEventTypeAndKnowsNoOther() {
        QueueEvents.ALL.forEach(type -> assertSame(type, QueueEvents.byType(type.type())));
        assertEquals(14, QueueEvents.ALL.size());
        assertNull(QueueEvents.byType("medi.queue.entry.teleported.v1"));
        assertNull(QueueEvents.byType(null));
        QueueEvents.ALL.forEach(type -> assertEquals(Topics.QUEUE_EVENTS, type.topic()));
    }

    /** As the publisher writes it, then numbered as the commit trigger does. */
    private static QueueEventData data(QueueEntry entry, Caller actor) {
        return numbered(QueueEventPublisher.data(entry, null, actor));
    }

    private static QueueEventData numbered(QueueEventData data) {
        assertEquals(0, data.sequence(), "numbered at commit, not before");
        return new QueueEventData(data.departmentId(), 42, data.entry(), data.triage(), data.actor());
    }
}
