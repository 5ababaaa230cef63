package dev.medi.patient.record;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PhoneNumbersTest {

    @Test
    void internationalFormsAgree() {
        assertEquals("+491711234567", PhoneNumbers.normalise("+49 171 1234567", "49"));
        assertEquals("+491711234567", PhoneNumbers.normalise("+49 (0)171 123-45 67", "49"));
        assertEquals("+491711234567", PhoneNumbers.normalise("0049 171 1234567", "49"));
        assertEquals("+491711234567", PhoneNumbers.normalise("0171/1234567", "49"));
        assertEquals("+491711234567", PhoneNumbers.normalise("0171.123.4567", "49"));
    }

    @Test
    void nationalNumbersStayDigitsWithoutACountryCode() {
        assertEquals("01711234567", PhoneNumbers.normalise("0171 1234567", ""));
        assertEquals("+441632960961", PhoneNumbers.normalise("+44 1632 960961", ""));
    }

    @Test
    void theConfiguredCountryIsUsed() {
        assertEquals("+33612345678", PhoneNumbers.normalise("06 12 34 56 78", "33"));
    }

    @Test
    void nothingToCompareGivesNull() {
        assertNull(PhoneNumbers.normalise(null, "49"));
        assertNull(PhoneNumbers.normalise(" - ", "49"));
    }
}
