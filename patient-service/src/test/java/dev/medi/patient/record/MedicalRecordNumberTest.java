package dev.medi.patient.record;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedicalRecordNumberTest {

    @Test
    void checkDigitsFollowIso7064Mod97() {
        // 10000000 * 100 = 1000000000 ≡ 34 (mod 97); 98 - 34 = 64
        assertEquals("1000000064", MedicalRecordNumber.fromSequence(10_000_000L));
        assertEquals(1, Long.parseLong(MedicalRecordNumber.fromSequence(12_345_678L)) % 97);
        assertEquals(1, Long.parseLong(MedicalRecordNumber.fromSequence(99_999_999L)) % 97);
    }

    @Test
    void everyGeneratedNumberIsValidAndTenDigits() {
        for (long sequence = 10_000_000L; sequence < 10_010_000L; sequence++) {
            String mrn = MedicalRecordNumber.fromSequence(sequence);
            assertEquals(10, mrn.length());
            assertTrue(MedicalRecordNumber.isValid(mrn), mrn);
        }
    }

    @Test
    void everySingleDigitErrorIsDetected() {
        String mrn = MedicalRecordNumber.fromSequence(48_151_623L);
        for (int position = 0; position < mrn.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == mrn.charAt(position)) {
                    continue;
                }
                String typo = mrn.substring(0, position) + digit + mrn.substring(position + 1);
                assertFalse(MedicalRecordNumber.isValid(typo), typo);
            }
        }
    }

    @Test
    void everySwapOfAdjacentDigitsIsDetected() {
        String mrn = MedicalRecordNumber.fromSequence(10_090_901L); // contains 09 and 90, which Luhn misses
        for (int position = 0; position < mrn.length() - 1; position++) {
            if (mrn.charAt(position) == mrn.charAt(position + 1)) {
                continue;
            }
            String swapped = mrn.substring(0, position) + mrn.charAt(position + 1) + mrn.charAt(position)
                    + mrn.substring(position + 2);
            assertFalse(MedicalRecordNumber.isValid(swapped), swapped);
        }
    }

    @Test
    void parsingAcceptsSeparatorsAndRejectsEverythingElse() {
        assertEquals(Optional.of("1000000064"), MedicalRecordNumber.parse(" 1000 0000-64 "));
        assertEquals(Optional.empty(), MedicalRecordNumber.parse("1000000065"));
        assertEquals(Optional.empty(), MedicalRecordNumber.parse("100000006"));
        assertEquals(Optional.empty(), MedicalRecordNumber.parse("10000000640"));
        assertEquals(Optional.empty(), MedicalRecordNumber.parse("10000000a4"));
        assertEquals(Optional.empty(), MedicalRecordNumber.parse(null));
        assertFalse(MedicalRecordNumber.isValid("1000000064 "));
    }

    @Test
    void sequencesOutsideEightDigitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MedicalRecordNumber.fromSequence(9_999_999L));
        assertThrows(IllegalArgumentException.class, () -> MedicalRecordNumber.fromSequence(100_000_000L));
    }
}
