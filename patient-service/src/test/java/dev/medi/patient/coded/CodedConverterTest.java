package dev.medi.patient.coded;

import dev.medi.patient.access.AccessPolicy;
import dev.medi.patient.document.DocumentContentType;
import dev.medi.patient.document.DocumentStatus;
import dev.medi.patient.encounter.EncounterOutcome;
import dev.medi.patient.encounter.EncounterStatus;
import dev.medi.patient.note.NoteStatus;
import dev.medi.patient.observation.Interpretation;
import dev.medi.patient.record.AdministrativeGender;
import dev.medi.patient.record.PatientStatus;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodedConverterTest {

    @Test
    void storesTheCodeNotTheName() {
        assertEquals("entered-in-error", new PatientStatus.Column().convertToDatabaseColumn(PatientStatus.ENTERED_IN_ERROR));
        assertEquals("in-progress", new EncounterStatus.Column().convertToDatabaseColumn(EncounterStatus.IN_PROGRESS));
        assertEquals("left-without-being-seen",
                new EncounterOutcome.Column().convertToDatabaseColumn(EncounterOutcome.LEFT_WITHOUT_BEING_SEEN));
        assertEquals("HH", new Interpretation.Column().convertToDatabaseColumn(Interpretation.CRITICAL_HIGH));
        assertEquals("female", new AdministrativeGender.Column().convertToDatabaseColumn(AdministrativeGender.FEMALE));
    }

    @Test
    void readsEveryCodeBackToItsConstant() {
        roundTrips(new PatientStatus.Column(), PatientStatus.values());
        roundTrips(new AdministrativeGender.Column(), AdministrativeGender.values());
        roundTrips(new EncounterStatus.Column(), EncounterStatus.values());
        roundTrips(new EncounterOutcome.Column(), EncounterOutcome.values());
        roundTrips(new NoteStatus.Column(), NoteStatus.values());
        roundTrips(new DocumentStatus.Column(), DocumentStatus.values());
        roundTrips(new Interpretation.Column(), Interpretation.values());
    }

    @Test
    void nullStaysNull() {
        assertNull(new EncounterOutcome.Column().convertToDatabaseColumn(null));
        assertNull(new EncounterOutcome.Column().convertToEntityAttribute(null));
    }

    @Test
    void anUnknownStoredCodeFailsLoudly() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new NoteStatus.Column().convertToEntityAttribute("DRAFT"));
        assertEquals("unknown NoteStatus code", failure.getMessage());
    }

    @Test
    void parsesCodes() {
        assertEquals(AdministrativeGender.OTHER, Coded.fromCode(AdministrativeGender.class, "other"));
        assertEquals(Optional.of(AccessPolicy.Basis.BREAK_GLASS), Coded.find(AccessPolicy.Basis.class, "break-glass"));
        assertEquals(Optional.of(DocumentContentType.PDF), Coded.find(DocumentContentType.class, "application/pdf"));
        assertEquals(Optional.empty(), Coded.find(EncounterOutcome.class, "unknown"));
        assertEquals(Optional.empty(), Coded.find(EncounterOutcome.class, null));
        assertThrows(IllegalArgumentException.class, () -> Coded.fromCode(PatientStatus.class, "ACTIVE"));
    }

    @Test
    void codesAreUniqueWithinEachEnum() {
        for (Class<? extends Coded> type : List.of(PatientStatus.class, AdministrativeGender.class, EncounterStatus.class,
                EncounterOutcome.class, NoteStatus.class, DocumentStatus.class, Interpretation.class,
                DocumentContentType.class, AccessPolicy.Basis.class)) {
            Set<String> codes = new HashSet<>();
            for (Coded constant : type.getEnumConstants()) {
                assertTrue(codes.add(constant.code()), type.getSimpleName() + " repeats " + constant.code());
            }
        }
    }

    private static <E extends Enum<E> & Coded> void roundTrips(CodedConverter<E> converter, E[] constants) {
        for (E constant : constants) {
            assertEquals(constant, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(constant)));
        }
    }
}
