package dev.medi.queue.messaging;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The published schema accepts what queue-service sends and rejects what it must never send. */
class QueueEventSchemaTest {

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
}
