package dev.medi.patient.fhir;

import dev.medi.patient.fhir.PatientSearchParameters.Parameter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of the Encounter and Observation search parameters, without a server. */
class ClinicalSearchParametersTest {

    private static final UUID PATIENT = UUID.fromString("0193a000-0000-7000-8000-0000000000aa");

    private static ClinicalSearchParameters.Query parse(String type, String... nameValues) {
        List<Parameter> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            parameters.add(new Parameter(nameValues[i], nameValues[i + 1]));
        }
        return ClinicalSearchParameters.parse(type, parameters, false, 100);
    }

    @Test
    void thePatientIsRequiredAndTakenFromAReference() {
        assertEquals(PATIENT, parse("Encounter", "patient", PATIENT.toString()).patientId());
        assertEquals(PATIENT, parse("Encounter", "subject", "Patient/" + PATIENT).patientId());
        assertEquals(PATIENT, parse("Observation", "subject", "https://clinic.example/fhir/r4/Patient/" + PATIENT).patientId());
        assertEquals(400, assertThrows(FhirException.class, () -> parse("Encounter", "status", "finished")).status());
        assertEquals(400, assertThrows(FhirException.class, () -> parse("Encounter", "patient", "Group/1")).status());
        assertEquals(400, assertThrows(FhirException.class, () -> parse("Encounter", "patient", "x")).status());
        assertTrue(parse("Encounter", "patient", PATIENT.toString(), "subject", UUID.randomUUID().toString()).none(),
                "two different patients match nothing");
    }

    @Test
    void datesBecomeAHalfOpenIntervalInUtc() {
        var query = parse("Encounter", "patient", PATIENT.toString(), "date", "ge2026-03", "date", "lt2026-03-15");
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-15T00:00:00Z"), query.to());
        var day = parse("Observation", "patient", PATIENT.toString(), "date", "2026-03-02");
        assertEquals(Instant.parse("2026-03-02T00:00:00Z"), day.from());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), day.to());
        var after = parse("Observation", "patient", PATIENT.toString(), "date", "gt2026");
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), after.from());
        assertNull(after.to());
        assertThrows(FhirException.class, () -> parse("Observation", "patient", PATIENT.toString(), "date", "ne2026"));
        assertThrows(FhirException.class, () -> parse("Observation", "patient", PATIENT.toString(), "date", "2026-02-30"));
    }

    @Test
    void codesMapToStoredCodesWithBloodPressureAsItsSystolicRow() {
        assertEquals(Set.of("8480-6"), parse("Observation", "patient", PATIENT.toString(), "code", "85354-9").codes());
        assertEquals(Set.of("8480-6"), parse("Observation", "patient", PATIENT.toString(), "code", "http://loinc.org|8462-4").codes());
        assertEquals(Set.of("2708-6", "59408-5"), parse("Observation", "patient", PATIENT.toString(), "code", "59408-5").codes());
        assertTrue(parse("Observation", "patient", PATIENT.toString(), "code", "http://snomed.info/sct|8867-4").none());
        assertTrue(parse("Observation", "patient", PATIENT.toString(), "code", "1234-5").none());
        var all = parse("Observation", "patient", PATIENT.toString(), "category", "vital-signs");
        assertFalse(all.none());
        assertFalse(all.codes().contains("8462-4"), "diastolic rows are served inside their panels");
        assertTrue(parse("Observation", "patient", PATIENT.toString(), "category", "laboratory").none());
    }

    @Test
    void statusesAndUnknownParameters() {
        assertEquals(Set.of("finished", "cancelled"),
                parse("Encounter", "patient", PATIENT.toString(), "status", "finished,cancelled").statuses());
        assertTrue(parse("Encounter", "patient", PATIENT.toString(), "status", "planned").none());
        FhirException unknown = assertThrows(FhirException.class,
                () -> parse("Encounter", "patient", PATIENT.toString(), "code", "x"));
        assertEquals(400, unknown.status());
        var lenient = ClinicalSearchParameters.parse("Encounter", List.of(new Parameter("patient", PATIENT.toString()),
                new Parameter("_sort", "-date")), true, 100);
        assertEquals(List.of("_sort"), lenient.ignored());
        assertEquals(100, parse("Encounter", "patient", PATIENT.toString(), "_count", "500").count());
        assertThrows(FhirException.class, () -> parse("Encounter", "patient", PATIENT.toString(), "_count", "0"));
    }
}
