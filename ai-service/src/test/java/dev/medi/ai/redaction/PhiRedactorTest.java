package dev.medi.ai.redaction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhiRedactorTest {

    private final PhiRedactor redactor = new PhiRedactor();

    /** A seeded record: the patient, the doctor and the companion in the room. */
    private static final PatientIdentifiers RECORD = new PatientIdentifiers(
            List.of("Anna Maria Berg-Lindqvist", "Dr Samuel Okafor", "Jonas Berg"), "1000000064",
            LocalDate.of(1958, 7, 14), List.of("+46 70 123 45 67", "020 7946 0958"),
            List.of("anna.berg@example.org"), List.of("12 Harbour Street, Flat 3", "Riverside, SE1 7PB"),
            List.of("INS-44-778812"));

    private static final String TRANSCRIPT = """
            Dr Okafor: Good morning Anna. Can I check your details? MRN 1000 0000 64, born 14/07/1958?
            Anna Berg-Lindqvist: Yes, that's me. My son Jonas drove me in. You can reach me on +46 70 123 45 67 or at home on 020 7946 0958.
            Dr Okafor: And your e-mail is still anna.berg@example.org? You live at 12 Harbour Street, Flat 3, Riverside, SE1 7PB?
            Anna: That's right. Jonas's number is 07700 900461. My insurance number is INS-44-778812.
            Dr Okafor: When did the pain start?
            Anna: On 4 March 2026, the day after my appointment on 2026-03-03. My last blood test was March 4th 2026, and the one before on 04/02/2026.
            Dr Okafor: My colleague Dr. Samuel Okafor... that's me, I'll write to Mrs Berg's GP. Your mother is a 92-year-old lady, aged 95 next year, and your aunt is 101 years old?
            Anna: Yes. Dr Okafor's nurse called me on 01632 960 983. My friend at 221B Baker Street is 85 years old.
            """;

    @Test
    void noIdentifierOfTheSeededRecordSurvivesRedaction() {
        Redaction r = redactor.redact(TRANSCRIPT, RECORD, 17);
        String out = r.text();
        String lower = out.toLowerCase(Locale.ROOT);
        for (String name : List.of("anna", "maria", "berg", "lindqvist", "samuel", "okafor", "jonas")) {
            assertFalse(lower.matches("(?s).*\\b" + name + "\\b.*"), name + " survived: " + out);
        }
        assertFalse(out.replaceAll("\\D", "").contains("1000000064"), "MRN survived: " + out);
        for (String survivor : List.of("1000 0000 64", "14/07/1958", "+46 70 123 45 67", "020 7946 0958", "07700 900461",
                "01632 960 983", "anna.berg@example.org", "12 Harbour Street", "Flat 3", "Riverside", "SE1 7PB",
                "INS-44-778812", "221B Baker Street", "4 March 2026", "2026-03-03", "March 4th 2026", "04/02/2026",
                "92-year-old", "aged 95", "101 years old")) {
            assertFalse(out.contains(survivor), survivor + " survived: " + out);
        }
        assertTrue(out.contains("85 years old"), "ages up to 89 stay: " + out);
        assertTrue(out.contains("My insurance number is [ID_1]."), out);
        assertTrue(out.contains("Dr [NAME_"), "titles stay, names go: " + out);
        assertTrue(out.contains("'s GP"), "possessives keep their 's: " + out);
    }

    @Test
    void datesAreShiftedInTheirOwnFormatAndTheBirthDateIsAPlaceholder() {
        Redaction r = redactor.redact(TRANSCRIPT, RECORD, 17);
        String out = r.text();
        assertTrue(out.contains("21 March 2026"), out);
        assertTrue(out.contains("2026-03-20"), out);
        assertTrue(out.contains("March 21st 2026"), out);
        assertTrue(out.contains("21/02/2026"), out);
        assertTrue(out.contains("born [DOB_1]"), out);
        assertEquals("14/07/1958", r.placeholders().get("[DOB_1]"));
        assertEquals(17, r.dateShiftDays());
    }

    @Test
    void placeholdersAreNumberedConsistently() {
        Redaction r = redactor.redact(TRANSCRIPT, RECORD, 0);
        String out = r.text();
        String okafor = placeholderFor(r, "Okafor");
        assertTrue(out.indexOf(okafor) != out.lastIndexOf(okafor), "the same name, the same placeholder: " + out);
        assertTrue(out.contains("[MRN_1]"), out);
        assertTrue(out.contains("[PHONE_1]") && out.contains("[PHONE_2]"), out);
        assertTrue(out.contains("[EMAIL_1]"), out);
        assertTrue(out.contains("[ADDRESS_1]"), out);
        assertTrue(out.contains("[ID_1]"), out);
        assertTrue(out.contains("[AGE_1]-year-old") && out.contains("aged [AGE_2]"), out);
    }

    @Test
    void restoreGivesBackTheOriginalText() {
        for (int shift : new int[] {0, 17, -40, 365}) {
            Redaction r = redactor.redact(TRANSCRIPT, RECORD, shift);
            assertEquals(TRANSCRIPT, redactor.restore(r.text(), r), "shift " + shift);
        }
    }

    @Test
    void restorePutsOriginalsIntoAModelAnswerAndShiftsItsDatesBack() {
        Redaction r = redactor.redact("Anna Berg, MRN 1000000064, seen 4 March 2026.", RECORD, 10);
        assertEquals("[NAME_1] [NAME_2], MRN [MRN_1], seen 14 March 2026.", r.text());
        String answer = "[NAME_1] reports pain since 14 March 2026; follow up on 2026-03-28.";
        assertEquals("Anna reports pain since 4 March 2026; follow up on 2026-03-18.", redactor.restore(answer, r));
    }

    @Test
    void namesAreWholeWordsCaseInsensitive() {
        PatientIdentifiers ids = new PatientIdentifiers(List.of("Ed Hill"), null, null, null, null, null, null);
        Redaction r = redactor.redact("ED said he walked up the hill; Hill's medication was edited.", ids, 0);
        assertEquals("[NAME_1] said he walked up the [NAME_2]; [NAME_3]'s medication was edited.", r.text());
    }

    @Test
    void phoneNumbersEmailsAndMrnsWithoutARecordAreCaughtByPattern() {
        Redaction r = redactor.redact("Call +1 (415) 555-0134 or 555-867-5309, write to a.b@clinic.example, "
                + "MRN: 2000-0000-17, SSN 123-45-6789. BP 140/90, amoxicillin 500 mg.", PatientIdentifiers.none(), 0);
        String out = r.text();
        for (String survivor : List.of("415", "555-867-5309", "a.b@clinic.example", "2000-0000-17", "123-45-6789")) {
            assertFalse(out.contains(survivor), survivor + " survived: " + out);
        }
        assertTrue(out.contains("BP 140/90, amoxicillin 500 mg."), "clinical numbers stay: " + out);
    }

    @Test
    void datesWithoutAYearAreShiftedAndShiftedBackExactly() {
        String text = "Seen on 4 March, again on March 30th and on 28th of December; you may take 2 tablets.";
        for (int shift : new int[] {5, -70, 400}) {
            Redaction r = redactor.redact(text, PatientIdentifiers.none(), shift);
            assertFalse(r.text().contains("4 March") || r.text().contains("March 30th") || r.text().contains("28th of December"),
                    r.text());
            assertTrue(r.text().contains("you may take 2 tablets"), r.text());
            assertEquals(text, redactor.restore(r.text(), r), "shift " + shift);
        }
        assertEquals("Seen on 9 March, again on April 4th and on 2nd of January; you may take 2 tablets.",
                redactor.redact(text, PatientIdentifiers.none(), 5).text());
    }

    @Test
    void agesOverEightyNineInWordsArePlaceholders() {
        Redaction r = redactor.redact("A ninety-two year old man, aged ninety-five, and a sixty year old.",
                PatientIdentifiers.none(), 0);
        assertEquals("A [AGE_1] year old man, aged [AGE_2], and a sixty year old.", r.text());
    }

    @Test
    void speakerLabelsGiveNames() {
        assertEquals(List.of("Smith", "Anna Berg", "Jones"), PhiRedactor.speakerNames(
                List.of("Dr Smith", "Patient", "Anna Berg", "Doctor", "Speaker 2", "Nurse Jones", "[NAME_1]", "Mother")));
    }

    @Test
    void clinicalTextWithoutIdentifiersIsUnchanged() {
        String text = "Doctor: Temperature 38.2, pulse 96, 2 puffs twice daily for 7 days. Patient is 45 years old.";
        Redaction r = redactor.redact(text, RECORD, 30);
        assertEquals(text, r.text());
        assertTrue(r.placeholders().isEmpty());
    }

    private static String placeholderFor(Redaction r, String original) {
        return r.placeholders().entrySet().stream().filter(e -> e.getValue().equals(original)).map(e -> e.getKey())
                .findFirst().orElseThrow(() -> new AssertionError(original + " has no placeholder: " + r.placeholders()));
    }
}
