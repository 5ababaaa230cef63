package dev.medi.patient.record;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private static Demographics demographics() {
        return new Demographics(new HumanName("  Müller ", List.of(" Anna ", "Maria"), " ", null),
                LocalDate.of(1980, 5, 17), AdministrativeGender.FEMALE, "0171 1234567", "anna@example.org",
                new PostalAddress(List.of("Hauptstraße 1"), "Berlin", "10115", "DE"),
                List.of(new Identifier("national-id", " X123 ")),
                List.of(new Allergy("penicillin", "rash", "moderate")),
                new EmergencyContact("Jo Müller", "spouse", "0171 7654321"));
    }

    private static Patient registered() {
        return Patient.register(UUID.randomUUID(), MedicalRecordNumber.fromSequence(10_000_001L), demographics(),
                List.of(), "49", "desk", NOW);
    }

    private static PatientChanges only(PatientChanges.Field... clear) {
        return new PatientChanges(null, null, null, null, null, null, null, null, null, Set.of(clear));
    }

    @Test
    void registrationNormalisesWhatWasTyped() {
        Patient patient = registered();
        assertEquals(PatientStatus.ACTIVE, patient.status());
        assertEquals(new HumanName("Müller", List.of("Anna", "Maria"), null, null), patient.name());
        assertEquals("+491711234567", patient.phoneNormalised());
        assertEquals("0171 1234567", patient.phone());
        assertEquals(List.of(new Identifier("national-id", "X123")), patient.identifiers());
        assertFalse(patient.duplicateOverride());
    }

    @Test
    void registrationRemembersOverriddenDuplicates() {
        UUID candidate = UUID.randomUUID();
        Patient patient = Patient.register(UUID.randomUUID(), MedicalRecordNumber.fromSequence(10_000_002L),
                demographics(), List.of(candidate), "49", "desk", NOW);
        assertTrue(patient.duplicateOverride());
        assertEquals(List.of(candidate), patient.duplicateCandidates());
    }

    @Test
    void anInvalidMrnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Patient.register(UUID.randomUUID(), "1000000065",
                demographics(), List.of(), "49", "desk", NOW));
    }

    @Test
    void anUpdateReportsOnlyWhatChanged() {
        Patient patient = registered();
        Set<String> changed = patient.update(new PatientChanges(new HumanName("Müller", List.of("Anna", "Maria"), null, null),
                LocalDate.of(1980, 5, 17), AdministrativeGender.FEMALE, "0160 555 555", null, null, null, null, null, null),
                "49", "nurse", NOW.plusSeconds(60));
        assertEquals(Set.of("phone"), changed);
        assertEquals("+49160555555", patient.phoneNormalised());
        assertEquals("nurse", patient.updatedBy());
    }

    @Test
    void nothingChangedLeavesTheRecordUntouched() {
        Patient patient = registered();
        assertEquals(Set.of(), patient.update(only(), "49", "nurse", NOW.plusSeconds(60)));
        assertEquals(NOW, patient.updatedAt());
        assertEquals("desk", patient.updatedBy());
    }

    @Test
    void clearedFieldsAreRemoved() {
        Patient patient = registered();
        Set<String> changed = patient.update(only(PatientChanges.Field.PHONE, PatientChanges.Field.ADDRESS,
                PatientChanges.Field.ALLERGIES, PatientChanges.Field.EMERGENCY_CONTACT), "49", "desk", NOW);
        assertEquals(Set.of("phone", "address", "allergies", "emergencyContact"), changed);
        assertNull(patient.phone());
        assertNull(patient.phoneNormalised());
        assertNull(patient.address());
        assertEquals(List.of(), patient.allergies());
        assertNull(patient.emergencyContact());
    }

    @Test
    void listsAreReplacedWhole() {
        Patient patient = registered();
        Set<String> changed = patient.update(new PatientChanges(null, null, null, null, null, null,
                List.of(new Identifier("insurance", "K-1")), null, null, null), "49", "desk", NOW);
        assertEquals(Set.of("identifiers"), changed);
        assertEquals(List.of(new Identifier("insurance", "K-1")), patient.identifiers());
    }

    @Test
    void enteredInErrorIsFinal() {
        Patient patient = registered();
        patient.markEnteredInError(" registered twice ", "desk", NOW);
        assertEquals(PatientStatus.ENTERED_IN_ERROR, patient.status());
        assertEquals("registered twice", patient.enteredInErrorReason());
        assertEquals(NOW, patient.enteredInErrorAt());
        assertThrows(PatientStateException.class, () -> patient.markEnteredInError("again", "desk", NOW));
        assertThrows(PatientStateException.class, () -> patient.update(only(PatientChanges.Field.PHONE), "49", "desk", NOW));
    }
}
