package dev.medi.ai.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline advisor's rules: presentations with synonyms, negation, age, resources and the level they give. */
class OfflineTriageAdvisorTest {

    private final OfflineTriageAdvisor advisor = new OfflineTriageAdvisor();

    private OfflineTriageAdvisor.Analysis analyse(String complaint, Integer age) {
        return advisor.analyse(new TriageQuestion(complaint, age));
    }

    @ParameterizedTest(name = "{0} (age {1}) → ESI {2} by {3}")
    @CsvSource(delimiter = '|', value = {
            // decision point A
            "found unresponsive at home                        | 70 | 1 | unresponsive",
            "choking, stridor                                  | 4  | 1 | airway-compromise",
            "collapsed, not breathing, CPR in progress         | 55 | 1 | cardiac-respiratory-arrest",
            "still seizing after 10 minutes                    | 30 | 1 | ongoing-seizure",
            // decision point B, high risk, with synonyms
            "crushing chest pain radiating to the left arm     | 58 | 2 | acs-chest-pain",
            "tight chest since this morning                    | 45 | 2 | acs-chest-pain",
            "sudden facial droop and slurred speech            | 72 | 2 | stroke-signs",
            "weakness on one side                              | 80 | 2 | stroke-signs",
            "short of breath on exertion                       | 66 | 2 | shortness-of-breath",
            "can't breathe properly                            | 30 | 2 | shortness-of-breath",
            "swollen lips and tongue after peanuts             | 19 | 2 | anaphylaxis",
            "wants to kill himself                             | 35 | 2 | suicidal-homicidal-ideation",
            "thoughts of self-harm                             | 17 | 2 | suicidal-homicidal-ideation",
            "vomiting blood                                    | 50 | 2 | gi-bleeding",
            "black tarry stools for two days                   | 61 | 2 | gi-bleeding",
            "abdominal pain since yesterday                    | 78 | 2 | abdominal-pain-older-adult",
            "fell and hit her head, takes warfarin             | 82 | 2 | head-injury-anticoagulated",
            "head injury on blood thinners                     | 40 | 2 | head-injury-anticoagulated",
            "8 weeks pregnant with vaginal bleeding            | 29 | 2 | pregnancy-bleeding-pain",
            "pregnant, lower abdominal pain                    | 31 | 2 | pregnancy-bleeding-pain",
            "fever and confusion                               | 77 | 2 | sepsis-signs",
            "fever on chemotherapy                             | 52 | 2 | sepsis-signs",
            "fever                                             | 0  | 2 | infant-fever",
            "worst headache of my life                         | 44 | 2 | thunderclap-headache",
            "sudden testicular pain                            | 14 | 2 | testicular-pain",
            "stab wound to the abdomen                         | 24 | 2 | penetrating-trauma",
            "back pain 9/10                                    | 40 | 2 | severe-pain",
            // decision point C: resources
            "abdominal pain since yesterday                    | 30 | 3 | abdominal-pain",
            "vomiting and diarrhoea for 3 days                 | 25 | 3 | vomiting-diarrhoea",
            "twisted ankle playing football                    | 22 | 4 | minor-limb-injury",
            "cut on finger needs stitches                      | 33 | 4 | laceration",
            "burning when I pee                                | 28 | 4 | urinary",
            "sore throat                                       | 21 | 5 | sore-throat",
            "repeat prescription                               | 60 | 5 | administrative",
            "runny nose and cough                              | 35 | 5 | cough-cold",
    })
    void presentations(String complaint, int age, int level, String presentation) {
        OfflineTriageAdvisor.Analysis analysis = analyse(complaint, age);
        assertEquals(level, analysis.level(), analysis.rationale());
        assertTrue(analysis.codes().contains(presentation), () -> analysis.codes() + " lacks " + presentation);
    }

    @Test
    void negationRemovesThePresentation() {
        OfflineTriageAdvisor.Analysis denies = analyse("denies chest pain", 50);
        assertFalse(denies.codes().contains("acs-chest-pain"));
        assertTrue(denies.negatedCodes().contains("acs-chest-pain"));
        assertTrue(denies.rationale().contains("Negated in the complaint, not counted: chest pain suggestive of acute coronary syndrome"),
                denies.rationale());
        assertEquals(3, denies.level(), "nothing else recognised: ESI 3 assumed");

        assertFalse(analyse("no chest pain", 50).codes().contains("acs-chest-pain"));
        assertFalse(analyse("cough without shortness of breath", 50).codes().contains("shortness-of-breath"));
        assertEquals(5, analyse("cough without shortness of breath", 50).level());
        assertFalse(analyse("negative for chest pain, sore throat", 50).codes().contains("acs-chest-pain"));
    }

    @Test
    void negationStopsAtTheClause() {
        OfflineTriageAdvisor.Analysis but = analyse("denies chest pain but short of breath", 50);
        assertEquals(List.of("shortness-of-breath"), but.highRiskCodes());
        assertEquals(2, but.level());

        OfflineTriageAdvisor.Analysis comma = analyse("no fever, chest pain", 50);
        assertTrue(comma.codes().contains("acs-chest-pain"), "the comma ends the negation");
        assertFalse(comma.codes().contains("fever"));

        OfflineTriageAdvisor.Analysis after = analyse("chest pain, no shortness of breath", 50);
        assertTrue(after.codes().contains("acs-chest-pain"));
        assertFalse(after.codes().contains("shortness-of-breath"));
    }

    @Test
    void notEveryNotIsANegation() {
        assertTrue(analyse("never had chest pain like this before", 50).codes().contains("acs-chest-pain"));
        assertTrue(analyse("non-radiating chest pain", 50).codes().contains("acs-chest-pain"));
        assertEquals(1, analyse("patient is not breathing", 50).level());
    }

    @Test
    void ageDecidesTheOlderAdultsAbdominalPain() {
        assertEquals(3, analyse("stomach ache", 64).level());
        assertEquals(2, analyse("stomach ache", 65).level());
        OfflineTriageAdvisor.Analysis unknown = analyse("stomach ache", null);
        assertEquals(3, unknown.level(), "an unknown age never matches an age-bound rule");
        assertTrue(unknown.rationale().contains("Age not given"), unknown.rationale());
    }

    @Test
    void ageDecidesTheInfantsFever() {
        assertEquals(2, analyse("fever since last night", 0).level());
        assertEquals(4, analyse("fever since last night", 1).level(), "fever at 1 year: labs, one resource");
        assertEquals(4, analyse("fever since last night", 30).level());
    }

    @Test
    void resourcesCountEachKindOnce() {
        OfflineTriageAdvisor.Analysis abdomen = analyse("abdominal pain and vomiting", 30);
        // abdominal pain: labs, imaging, IV fluids, IV meds; vomiting: labs, IV fluids: four kinds
        assertEquals(4, abdomen.resourceCount());
        assertEquals(3, abdomen.level());
        TriageAdvice advice = advisor.adviseTriage(new TriageQuestion("twisted ankle", 20));
        assertEquals(1, advice.expectedResources());
        assertEquals(List.of("X-ray"), advice.resources());
        assertEquals(4, advice.suggestedLevel());
    }

    @Test
    void anUnrecognisedComplaintIsEsi3WithTwoResourcesAssumed() {
        OfflineTriageAdvisor.Analysis unknown = analyse("feeling generally unwell", 40);
        assertFalse(unknown.recognised());
        assertEquals(3, unknown.level());
        assertEquals(2, unknown.resourceCount());
        assertTrue(unknown.rationale().startsWith("No presentation the rules know was recognised"));
    }

    @Test
    void theAdviceNamesTheEngineAndTheHighRiskPresentationsOnly() {
        TriageAdvice advice = advisor.adviseTriage(new TriageQuestion("chest pain and a cut on the hand", 50));
        assertEquals(2, advice.suggestedLevel());
        assertEquals(List.of("chest pain suggestive of acute coronary syndrome"), advice.highRiskPresentations());
        assertEquals("offline", advice.engine().engine());
        assertEquals("medi-triage-rules-1", advice.engine().model());
        assertFalse(advice.engine().fellBack());
        assertTrue(advice.rationale().contains("Also recognised: laceration"), advice.rationale());
        assertTrue(advice.resources().contains("ECG"));
    }

    @Test
    void theRationaleNeverRepeatsTheComplaint() {
        TriageAdvice advice = advisor.adviseTriage(new TriageQuestion("Mr Zebedee Quill has chest pain", 50));
        assertFalse(advice.rationale().contains("Zebedee"));
        assertFalse(advice.rationale().contains("Quill"));
    }

    @Test
    void accentsCaseAndPunctuationDoNotMatter() {
        assertTrue(analyse("CHEST-PAIN!!", 50).codes().contains("acs-chest-pain"));
        assertTrue(analyse("DYSPNOEA.", 50).codes().contains("shortness-of-breath"));
        assertTrue(analyse("Hématemesis", 50).codes().contains("gi-bleeding"), "accents are dropped");
        assertTrue(analyse("one-sided weakness", 50).codes().contains("stroke-signs"), "hyphens are spaces");
    }
}
