package dev.medi.patient.messaging;

import dev.medi.platform.events.Topics;
import dev.medi.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema in patient-service's resources accepts what the service sends and rejects what it must never send. */
class PatientEventSchemaTest {

    private static final String VALID = """
            {"patientId":"0193a000-0000-7000-8000-0000000000aa","mrn":"1000000064","status":"active","version":2,
             "changedFields":["phone","address"],"duplicateOverride":true,
             "possibleDuplicates":["0193a000-0000-7000-8000-0000000000bb"]}""";

    @Test
    void aCompleteEventIsValid() {
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, VALID);
    }

    @Test
    void anEventWithoutMrnIsInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                VALID.replace("\"mrn\":\"1000000064\",", "")));
    }

    @Test
    void unknownValuesAreInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                VALID.replace("\"status\":\"active\"", "\"status\":\"deleted\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                VALID.replace("\"phone\",", "\"ssn\",")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                VALID.replace("1000000064", "12345")));
    }

    @Test
    void demographicsMustNeverBeInTheEvent() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                VALID.replace("\"version\":2,", "\"version\":2,\"familyName\":\"Müller\",")));
    }

    private static final String NOTE = """
            {"noteId":"0193a000-0000-7000-8000-0000000000cc","patientId":"0193a000-0000-7000-8000-0000000000aa",
             "encounterId":"0193a000-0000-7000-8000-0000000000dd","status":"signed","version":2,"author":"dr.house",
             "aiGenerated":true,"signedBy":"dr.house","signedAt":"2026-11-26T10:16:00Z","addendumId":null}""";

    @Test
    void noteEventsAreValid() {
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, NOTE);
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, NOTE.replace("\"status\":\"signed\"", "\"status\":\"draft\"")
                .replace("\"signedBy\":\"dr.house\"", "\"signedBy\":null").replace("\"2026-11-26T10:16:00Z\"", "null"));
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, NOTE.replace("\"addendumId\":null",
                "\"addendumId\":\"0193a000-0000-7000-8000-0000000000ee\""));
    }

    @Test
    void noteTextMustNeverBeInAnEvent() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                NOTE.replace("\"version\":2,", "\"version\":2,\"assessment\":\"bronchitis\",")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                NOTE.replace("\"status\":\"signed\"", "\"status\":\"amended\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                NOTE.replace("\"encounterId\":\"0193a000-0000-7000-8000-0000000000dd\",", "")));
    }
}
