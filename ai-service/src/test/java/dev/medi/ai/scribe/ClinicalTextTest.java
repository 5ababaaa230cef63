package dev.medi.ai.scribe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClinicalTextTest {

    @Test
    void sentencesIgnoreAbbreviationsAndDecimals() {
        assertEquals(List.of("Dr. Smith saw her.", "Temperature 37.5 today!", "Any fever?", "No."),
                ClinicalText.sentences("Dr. Smith saw her. Temperature 37.5 today! Any fever? No."));
    }

    @Test
    void negationScopesEndAtTerminators() {
        ClinicalText.Polarity p = ClinicalText.negation("Denies chest pain but has a cough.");
        assertTrue(p.negated().containsAll(Set.of("chest", "pain")), p.toString());
        assertTrue(p.affirmed().contains("cough"), p.toString());
        assertFalse(p.negated().contains("cough"));
        assertTrue(ClinicalText.negatedStems("She is not short of breath").contains("breath"));
        assertTrue(ClinicalText.negatedStems("Without vomiting").contains("vomit"));
        assertTrue(ClinicalText.negatedStems("no fever, chills or rigors").containsAll(Set.of("fever", "chill", "rigor")));
    }

    @Test
    void quantitiesWithUnitsInDigitsOrWords() {
        List<ClinicalText.Quantity> q = ClinicalText.quantities("amoxicillin 500mg, 2 puffs, three days, BP 140/90, 37.5 °C");
        assertEquals(List.of("500 mg", "2 puff", "3 day", "140/90", "37.5 °c"),
                q.stream().map(ClinicalText.Quantity::display).toList());
        assertTrue(ClinicalText.quantities("[NAME_1] came in").isEmpty());
    }

    @Test
    void frequenciesAreCanonical() {
        assertEquals(Set.of("twice daily"), ClinicalText.frequencies("take it twice a day"));
        assertEquals(Set.of("twice daily"), ClinicalText.frequencies("500 mg bd"));
        assertEquals(Set.of("three times daily"), ClinicalText.frequencies("three times a day"));
        assertEquals(Set.of("every 6 hours"), ClinicalText.frequencies("every six hours"));
        assertEquals(Set.of("once daily"), ClinicalText.frequencies("once daily"));
    }

    @Test
    void drugLexiconFindsNamesBrandsAndClassStems() {
        DrugLexicon drugs = DrugLexicon.standard();
        assertTrue(drugs.size() > 300, "lexicon size " + drugs.size());
        assertEquals(Set.of("salbutamol"), drugs.drugsIn("two puffs of Ventolin"));
        assertEquals(Set.of("amoxicillin", "paracetamol"), drugs.drugsIn("Amoxicillin and paracetamol"));
        assertEquals(Set.of("co-amoxiclav"), drugs.drugsIn("co-amoxiclav 625"));
        assertEquals(Set.of("tofacitinib"), drugs.drugsIn("started tofacitinib last year"));
        assertTrue(drugs.drugsIn("bloods and an x-ray").isEmpty());
    }
}
