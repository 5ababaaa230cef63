package dev.medi.patient.messaging.outbound;

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

    private static final String ENCOUNTER = """
            {"encounterId":"0193a000-0000-7000-8000-0000000000e1","patientId":"0193a000-0000-7000-8000-0000000000aa",
             "departmentId":"0193a000-0000-7000-8000-0000000000d1","queueEntryId":null,"status":"finished",
             "encounterClass":"AMB","startedAt":"2026-03-01T10:00:00Z","endedAt":"2026-03-01T10:20:00Z",
             "outcome":"completed","source":"direct","version":1}""";

    private static final String OBSERVATIONS = """
            {"patientId":"0193a000-0000-7000-8000-0000000000aa","setId":"0193a000-0000-7000-8000-0000000000f1",
             "encounterId":null,"queueEntryId":"0193a000-0000-7000-8000-0000000000c1","source":"triage",
             "effectiveAt":"2026-03-01T09:50:00Z",
             "observations":[{"id":"0193a000-0000-7000-8000-0000000000f2","code":"8867-4"},
                             {"id":"0193a000-0000-7000-8000-0000000000f3","code":"67775-7"}]}""";

    @Test
    void encounterAndObservationEventsAreValid() {
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, ENCOUNTER);
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, ENCOUNTER.replace("\"finished\"", "\"in-progress\"")
                .replace("\"2026-03-01T10:20:00Z\"", "null").replace("\"completed\"", "null"));
        EventSchemas.assertValid(Topics.PATIENT_EVENTS, OBSERVATIONS);
    }

    @Test
    void clinicalValuesAndUnknownCodesAreInvalid() {
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                ENCOUNTER.replace("\"version\":1", "\"version\":1,\"reason\":\"chest pain\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                OBSERVATIONS.replace("\"code\":\"8867-4\"}", "\"code\":\"8867-4\",\"value\":120}")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                OBSERVATIONS.replace("8867-4", "1234-5")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                ENCOUNTER.replace("\"completed\"", "\"healed\"")));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(Topics.PATIENT_EVENTS,
                OBSERVATIONS.replace("\"source\":\"triage\",", "")));
    }
}
