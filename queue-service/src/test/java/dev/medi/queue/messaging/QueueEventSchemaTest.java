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
                      "patientId":null,"status":"ARRIVED","chiefComplaint":"cough",
                      "arrivedAt":"2026-11-26T08:00:00Z","version":0}}""";

    @Test
    void aCompleteEventIsValid() {
        EventSchemas.assertValid(Topics.QUEUE_EVENTS, VALID);
    }

    @Test
    void anEventWithoutSequenceIsInvalid() {
        assertThrows(AssertionError.class,
                () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS, VALID.replace("\"sequence\":3,", "")));
    }

    @Test
    void anEventWithAnUnknownFieldIsInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.QUEUE_EVENTS,
                VALID.replace("\"sequence\":3,", "\"sequence\":3,\"patientName\":\"x\",")));
    }
}
