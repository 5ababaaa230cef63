package dev.medi.ai.triage;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import static dev.medi.ai.triage.ExpectedResource.ADVANCED_IMAGING;
import static dev.medi.ai.triage.ExpectedResource.COMPLEX_PROCEDURE;
import static dev.medi.ai.triage.ExpectedResource.ECG;
import static dev.medi.ai.triage.ExpectedResource.IV_FLUIDS;
import static dev.medi.ai.triage.ExpectedResource.IV_IM_MEDICATION;
import static dev.medi.ai.triage.ExpectedResource.LABS;
import static dev.medi.ai.triage.ExpectedResource.SIMPLE_PROCEDURE;
import static dev.medi.ai.triage.ExpectedResource.SPECIALTY_CONSULT;
import static dev.medi.ai.triage.ExpectedResource.XRAY;

/**
 * What the offline triage rules know: clinical concepts with their synonyms, and presentations built from them.
 *
 * <p>The presentations follow the ESI v4 Implementation Handbook (2012/2020): chapter 3 for decision point A (the
 * patient needs an immediate life-saving intervention: ESI 1), chapter 4 for the high-risk situations of decision
 * point B (ESI 2: chest pain suggestive of acute coronary syndrome, signs of stroke, shortness of breath,
 * anaphylaxis, suicidal or homicidal ideation, gastrointestinal bleeding, abdominal pain in older adults, head injury
 * on anticoagulants, pregnancy with bleeding or pain, signs of sepsis, new confusion, fever in an infant, severe
 * pain, ...) and chapter 5 for the resources that common presentations need (decision point C). A presentation
 * needs every one of its {@link Presentation#requires() groups}, each satisfied by any of its concepts, matched
 * without a negation; some apply only at certain ages.
 *
 * <p>The lexicon is deliberately conservative: where a phrase is ambiguous, it errs towards the more urgent reading
 * (under-triage is the more dangerous error). It suggests; the nurse decides.
 */
final class TriageLexicon {

    /** Older adult in the handbook's high-risk examples (abdominal pain in the elderly). */
    static final int OLDER_ADULT_YEARS = 65;

    /** How urgent a presentation makes the patient on its own. */
    enum Acuity {
        /** Decision point A: needs an immediate life-saving intervention. */
        LIFE_SAVING(1),
        /** Decision point B: a high-risk situation, should not wait. */
        HIGH_RISK(2),
        /** Decided by the resources it needs (decision point C). */
        BY_RESOURCES(0);

        private final int level;

        Acuity(int level) {
            this.level = level;
        }

        int level() {
            return level;
        }
    }

    /** A clinical concept and the phrases that express it ({@code *}: any word; {@code word*}: a prefix). */
    record Concept(String code, List<String[]> phrases) {
    }

    /**
     * A presentation: matched when each group in {@code requires} has a concept in the complaint (not negated), and
     * the age, when known, fits; an age-bound presentation never matches an unknown age.
     */
    record Presentation(String code, String label, Acuity acuity, List<Set<String>> requires, IntPredicate ageFits,
                        boolean needsAge, Set<ExpectedResource> resources) {
    }

    static final Map<String, Concept> CONCEPTS = concepts(
            // decision point A
            concept("arrest", "cardiac arrest", "respiratory arrest", "no pulse", "pulseless", "not breathing",
                    "stopped breathing", "apneic", "apnoeic", "cpr in progress"),
            concept("unresponsive", "unresponsive", "unconscious", "unrousable", "unarousable",
                    "cannot be woken", "can not be woken", "cant be woken", "cannot wake", "cant wake", "gcs 3"),
            concept("airway", "choking", "stridor", "airway obstruction", "throat closing", "throat is closing",
                    "cannot swallow saliva"),
            concept("severe-respiratory-distress", "severe respiratory distress", "blue lips", "cyanosis",
                    "cyanotic", "gasping", "agonal", "cannot speak in sentences", "unable to speak in sentences"),
            concept("ongoing-seizure", "status epilepticus", "still seizing", "actively seizing", "ongoing seizure",
                    "continuous seizure", "seizing now", "seizure not stopping"),
            concept("massive-bleeding", "uncontrolled bleeding", "massive bleeding", "arterial bleeding", "bleeding profusely", "haemorrhaging", "hemorrhaging"),
            // decision point B
            concept("chest-pain", "chest pain*", "chest tightness", "tight chest", "chest pressure", "chest discomfort",
                    "pain in chest", "pain in the chest", "pain in my chest", "pain in his chest", "pain in her chest",
                    "crushing chest", "crushing pain", "angina", "heart attack", "cardiac pain", "pain radiating to * arm",
                    "pain radiating to * jaw", "pain radiating to the left arm", "pain radiating to the jaw",
                    "substernal pain", "retrosternal pain"),
            concept("stroke-sign", "stroke", "tia", "transient ischaemic attack", "transient ischemic attack",
                    "facial droop*", "face droop*", "drooping face", "face drooping", "droopy face", "slurred speech",
                    "slurring", "speech difficulty", "difficulty speaking", "trouble speaking", "cannot speak",
                    "cant speak", "aphasia", "dysphasia", "one sided weakness", "weakness on one side",
                    "weak on one side", "left sided weakness", "right sided weakness", "weakness of * arm",
                    "weakness in * arm", "arm weakness", "hemiparesis", "hemiplegia", "one sided numbness",
                    "numbness on one side", "sudden numbness", "sudden vision loss", "sudden loss of vision",
                    "sudden blindness", "vision loss", "loss of vision"),
            concept("breathing", "shortness of breath", "short of breath", "sob", "difficulty breathing",
                    "difficulty in breathing", "trouble breathing", "breathing difficult*", "breathing problem*",
                    "breathless*", "dyspnoea", "dyspnea", "cannot breathe", "can not breathe", "cant breathe",
                    "unable to breathe", "struggling to breathe", "hard to breathe", "wheez*", "asthma attack",
                    "respiratory distress"),
            concept("anaphylaxis", "anaphylaxis", "anaphylactic", "angioedema", "angio oedema", "angio edema",
                    "tongue swelling", "swollen tongue", "swelling of * tongue", "lip swelling", "swollen lip*",
                    "swelling of * lips", "throat swelling", "swollen throat", "swelling of * throat", "facial swelling",
                    "face swelling", "swollen face", "epipen", "epi pen"),
            concept("suicidal", "suicid*", "wants to die", "want to die", "wanting to die", "kill myself",
                    "kill himself", "kill herself", "kill themself", "kill themselves", "end my life", "end his life",
                    "end her life", "self harm*", "harm myself", "harming myself", "cutting myself", "homicidal",
                    "wants to kill", "want to kill"),
            concept("overdose", "overdose*", "took too many", "poisoning", "poisoned", "intentional ingestion",
                    "swallowed pills", "swallowed bleach", "ingested"),
            concept("gi-bleeding", "vomiting blood", "vomited blood", "vomits blood", "blood in * vomit",
                    "throwing up blood", "haematemesis", "hematemesis", "coffee ground*", "black stool*",
                    "black tarry", "tarry stool*", "melaena", "melena", "blood in * stool*", "blood in stool*",
                    "bloody stool*", "rectal bleed*", "bleeding from * rectum", "bleeding from * bottom",
                    "blood per rectum", "gi bleed*", "gastrointestinal bleed*"),
            concept("abdominal-pain", "abdominal pain*", "abdo pain", "abdominal cramp*", "belly pain", "belly ache",
                    "stomach pain", "stomach ache", "stomachache", "tummy pain", "tummy ache", "pain in * abdomen",
                    "pain in * stomach", "pain in * belly", "pain in * tummy", "epigastric pain", "abdomen pain",
                    "abdomen hurts", "stomach hurts", "belly hurts"),
            concept("head-injury", "head injur*", "head trauma", "head wound", "head lac*", "hit * head",
                    "hit head", "hitting * head", "banged * head", "bumped * head", "struck * head", "knocked * head",
                    "fell on * head", "blow to * head", "concussion"),
            concept("anticoagulant", "anticoag*", "blood thinner*", "warfarin", "coumadin", "marcoumar", "phenprocoumon",
                    "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "pradaxa", "edoxaban", "lixiana",
                    "savaysa", "heparin", "enoxaparin", "clexane", "lovenox"),
            concept("pregnant", "pregnant", "pregnancy", "weeks gestation", "gravid", "expecting a baby", "ectopic"),
            concept("vaginal-bleeding", "vaginal bleed*", "bleeding vaginally", "pv bleed*", "bleeding", "spotting",
                    "miscarriage", "miscarrying"),
            concept("pelvic-pain", "pelvic pain", "pain in * pelvis", "lower abdominal pain", "contractions",
                    "cramping", "cramps"),
            concept("fever", "fever*", "febrile", "high temperature", "high temp", "temperature of 3*", "temp 3*",
                    "pyrexia*", "pyrexial", "rigor*", "chills", "shivering"),
            concept("sepsis", "sepsis", "septic", "septicaemia", "septicemia", "septic shock"),
            concept("sepsis-sign", "rigors", "mottled", "low blood pressure", "hypotension",
                    "hypotensive", "chemotherapy", "chemo", "neutropenic", "neutropenia", "immunocompromised",
                    "immunosuppressed", "transplant*", "drowsy", "hard to wake", "difficult to wake"),
            concept("confusion", "confus*", "disorient*", "altered mental status", "altered mental state",
                    "altered consciousness", "not making sense", "acting strange*", "lethargic", "lethargy",
                    "delirium", "delirious"),
            concept("thunderclap", "worst headache", "thunderclap", "sudden severe headache",
                    "worst headache of * life", "headache worst ever", "sudden onset headache"),
            concept("testicular", "testicular pain", "testicle pain", "pain in * testicle*", "scrotal pain",
                    "pain in * scrotum", "testicular torsion", "torsion", "testicle swollen", "swollen testicle*"),
            concept("seizure", "seizure*", "convuls*", "epileptic fit", "fitting", "had a fit"),
            concept("penetrating", "stab wound*", "stabbed", "gunshot*", "shot with", "gun shot", "impaled",
                    "penetrating"),
            concept("chemical-eye", "chemical in * eye*", "chemical splash", "chemical burn to * eye*", "alkali",
                    "acid in * eye*", "bleach in * eye*"),
            concept("severe-pain", "severe pain", "severe * pain", "excruciating", "unbearable pain",
                    "worst pain", "pain 10/10", "pain 9/10", "pain 8/10", "pain 7/10", "10/10", "9/10", "8/10", "7/10",
                    "10 out of 10", "9 out of 10", "8 out of 10", "7 out of 10", "agonising", "agonizing"),
            // decided by resources
            concept("vomiting-diarrhoea", "vomit*", "throwing up", "diarrhoea", "diarrhea", "gastroenteritis",
                    "nausea and vomiting", "cannot keep fluids down", "cant keep fluids down", "dehydrat*"),
            concept("cough-cold", "cough*", "common cold", "a cold", "runny nose", "blocked nose", "congestion",
                    "flu like", "flu symptoms", "sneezing", "sinus*"),
            concept("sore-throat", "sore throat", "throat pain", "painful throat", "tonsillitis"),
            concept("rash", "rash", "itch*", "hives", "skin irritation", "eczema"),
            concept("ear-eye-dental", "ear pain", "earache", "ear ache", "red eye", "pink eye", "conjunctivitis",
                    "toothache", "tooth pain", "dental pain", "eye irritation"),
            concept("admin", "refill", "repeat prescription", "prescription", "sick note", "certificate",
                    "medication review", "dressing change", "suture removal", "stitches out", "remove stitches"),
            concept("minor-limb", "sprain*", "twisted * ankle", "twisted ankle", "rolled * ankle", "ankle injur*",
                    "wrist injur*", "ankle pain", "wrist pain", "knee injur*", "knee pain", "foot injur*",
                    "finger injur*", "toe injur*", "hand injur*", "shoulder injur*"),
            concept("fracture", "fracture*", "broken", "deformity", "deformed", "dislocat*", "bone sticking out"),
            concept("laceration", "laceration*", "cut", "cuts", "deep cut", "gash", "wound needs stitches",
                    "needs stitches", "stitches"),
            concept("urinary", "painful urination", "burning urination", "burning when * pee*", "dysuria", "uti",
                    "urinary tract infection", "urine infection", "bladder infection", "cystitis", "urinary frequency",
                    "blood in * urine", "haematuria", "hematuria", "cannot pee", "cant pee", "urinary retention"),
            concept("back-pain", "back pain", "backache", "back ache", "lower back", "sciatica", "pain in * back"),
            concept("headache", "headache*", "migraine*", "head ache", "head pain"),
            concept("flank-pain", "flank pain", "kidney stone*", "renal colic", "loin pain", "pain in * side"),
            concept("syncope", "syncope", "fainted", "faint", "fainting", "passed out", "collapsed", "collapse",
                    "blacked out", "black out", "blackout"),
            concept("palpitations", "palpitation*", "racing heart", "heart racing", "heart pounding",
                    "irregular heartbeat", "irregular heart beat", "fast heartbeat", "fast heart rate"),
            concept("dizziness", "dizz*", "vertigo", "light headed", "lightheaded", "room spinning"),
            concept("leg-swelling", "swollen leg", "leg swelling", "swollen calf", "calf pain", "calf swelling",
                    "swelling of * leg", "dvt", "deep vein thrombosis"),
            concept("allergy", "allergic reaction", "allergic response", "bee sting", "wasp sting", "insect sting"),
            concept("fall", "fall", "fell", "fallen", "tripped"),
            concept("burn", "burn", "burns", "burned", "burnt", "scald*"));

    static final List<Presentation> PRESENTATIONS = List.of(
            // Decision point A: ESI 1
            lifeSaving("cardiac-respiratory-arrest", "cardiac or respiratory arrest", of("arrest"),
                    IV_IM_MEDICATION, COMPLEX_PROCEDURE, LABS, ECG),
            lifeSaving("unresponsive", "unresponsive patient", of("unresponsive"),
                    LABS, ADVANCED_IMAGING, IV_IM_MEDICATION, ECG),
            lifeSaving("airway-compromise", "airway compromise (choking, stridor)", of("airway"),
                    IV_IM_MEDICATION, COMPLEX_PROCEDURE),
            lifeSaving("severe-respiratory-distress", "severe respiratory distress", of("severe-respiratory-distress"),
                    IV_IM_MEDICATION, XRAY, LABS),
            lifeSaving("ongoing-seizure", "seizure that has not stopped", of("ongoing-seizure"),
                    IV_IM_MEDICATION, LABS, ADVANCED_IMAGING),
            lifeSaving("uncontrolled-haemorrhage", "uncontrolled bleeding", of("massive-bleeding"),
                    IV_FLUIDS, LABS, SPECIALTY_CONSULT, COMPLEX_PROCEDURE),
            // Decision point B: ESI 2, high-risk situations
            highRisk("acs-chest-pain", "chest pain suggestive of acute coronary syndrome", of("chest-pain"),
                    ECG, LABS, XRAY),
            highRisk("stroke-signs", "signs of stroke (face, arm, speech, vision)", of("stroke-sign"),
                    LABS, ADVANCED_IMAGING, SPECIALTY_CONSULT),
            highRisk("shortness-of-breath", "shortness of breath", of("breathing"),
                    LABS, XRAY, IV_IM_MEDICATION),
            highRisk("anaphylaxis", "possible anaphylaxis (swelling of face, lips, tongue or throat)", of("anaphylaxis"),
                    IV_IM_MEDICATION, IV_FLUIDS),
            highRisk("suicidal-homicidal-ideation", "suicidal or homicidal ideation, self-harm", of("suicidal"),
                    SPECIALTY_CONSULT, LABS),
            highRisk("overdose-poisoning", "overdose or poisoning", of("overdose"),
                    LABS, ECG, SPECIALTY_CONSULT),
            highRisk("gi-bleeding", "gastrointestinal bleeding", of("gi-bleeding"),
                    LABS, IV_FLUIDS, SPECIALTY_CONSULT),
            new Presentation("abdominal-pain-older-adult", "abdominal pain in an older adult (65 or over)",
                    Acuity.HIGH_RISK, List.of(Set.of("abdominal-pain")), age -> age >= OLDER_ADULT_YEARS, true,
                    EnumSet.of(LABS, ADVANCED_IMAGING, IV_FLUIDS, IV_IM_MEDICATION)),
            highRisk("head-injury-anticoagulated", "head injury on anticoagulants", of("head-injury"), of("anticoagulant"),
                    ADVANCED_IMAGING, LABS),
            highRisk("pregnancy-bleeding-pain", "pregnancy with bleeding or abdominal pain", of("pregnant"),
                    of("vaginal-bleeding", "abdominal-pain", "pelvic-pain"),
                    LABS, ADVANCED_IMAGING, SPECIALTY_CONSULT),
            highRisk("sepsis-signs", "fever with signs of sepsis or immunosuppression", of("fever"), of("sepsis-sign", "confusion"),
                    LABS, IV_FLUIDS, IV_IM_MEDICATION, XRAY),
            highRisk("sepsis-signs", "fever with signs of sepsis or immunosuppression", of("sepsis"),
                    LABS, IV_FLUIDS, IV_IM_MEDICATION, XRAY),
            highRisk("new-confusion", "new confusion, lethargy or disorientation", of("confusion"),
                    LABS, ADVANCED_IMAGING),
            new Presentation("infant-fever", "fever in an infant (under 1 year; under 3 months the handbook asks for"
                    + " at least ESI 2 up to 28 days of age)", Acuity.HIGH_RISK, List.of(Set.of("fever")),
                    age -> age < 1, true, EnumSet.of(LABS, IV_IM_MEDICATION)),
            highRisk("thunderclap-headache", "sudden severe headache (possible subarachnoid haemorrhage)",
                    of("thunderclap"), ADVANCED_IMAGING, LABS, IV_IM_MEDICATION),
            highRisk("testicular-pain", "testicular pain (possible torsion)", of("testicular"),
                    ADVANCED_IMAGING, SPECIALTY_CONSULT),
            highRisk("seizure", "seizure", of("seizure"), LABS, IV_IM_MEDICATION, ADVANCED_IMAGING),
            highRisk("penetrating-trauma", "penetrating trauma (stab or gunshot wound)", of("penetrating"),
                    ADVANCED_IMAGING, LABS, SPECIALTY_CONSULT, SIMPLE_PROCEDURE),
            highRisk("chemical-eye-exposure", "chemical exposure of the eye", of("chemical-eye"),
                    SIMPLE_PROCEDURE, SPECIALTY_CONSULT),
            highRisk("severe-pain", "severe pain or distress (7/10 or more: the handbook says consider ESI 2)",
                    of("severe-pain"), IV_IM_MEDICATION),
            // Decision point C: the level follows from the resources
            byResources("abdominal-pain", "abdominal pain", of("abdominal-pain"),
                    LABS, ADVANCED_IMAGING, IV_FLUIDS, IV_IM_MEDICATION),
            byResources("vomiting-diarrhoea", "vomiting or diarrhoea", of("vomiting-diarrhoea"), LABS, IV_FLUIDS),
            byResources("fever", "fever", of("fever"), LABS),
            byResources("cough-cold", "cough or cold symptoms", of("cough-cold")),
            byResources("sore-throat", "sore throat", of("sore-throat")),
            byResources("rash", "rash or itching", of("rash")),
            byResources("ear-eye-dental", "ear, eye or dental complaint", of("ear-eye-dental")),
            byResources("administrative", "prescription, certificate or wound check", of("admin")),
            byResources("minor-limb-injury", "limb injury without deformity", of("minor-limb"), XRAY),
            byResources("fracture-deformity", "possible fracture or dislocation", of("fracture"),
                    XRAY, IV_IM_MEDICATION, SIMPLE_PROCEDURE),
            byResources("laceration", "laceration", of("laceration"), SIMPLE_PROCEDURE),
            byResources("urinary", "urinary symptoms", of("urinary"), LABS),
            byResources("back-pain", "back pain", of("back-pain"), IV_IM_MEDICATION),
            byResources("headache", "headache", of("headache"), IV_IM_MEDICATION),
            byResources("flank-pain", "flank pain (possible renal colic)", of("flank-pain"),
                    LABS, ADVANCED_IMAGING, IV_IM_MEDICATION),
            byResources("syncope", "fainting or collapse", of("syncope"), LABS, ECG),
            byResources("palpitations", "palpitations", of("palpitations"), ECG, LABS),
            byResources("dizziness", "dizziness", of("dizziness"), LABS, ECG),
            byResources("leg-swelling", "leg swelling or calf pain (possible DVT)", of("leg-swelling"),
                    LABS, ADVANCED_IMAGING),
            byResources("allergic-reaction", "allergic reaction", of("allergy"), IV_IM_MEDICATION),
            byResources("head-injury", "head injury", of("head-injury"), ADVANCED_IMAGING),
            byResources("fall", "fall", of("fall"), XRAY),
            byResources("burn", "burn", of("burn"), SIMPLE_PROCEDURE));

    private TriageLexicon() {
    }

    private static Map<String, Concept> concepts(Concept... concepts) {
        return Arrays.stream(concepts).collect(Collectors.toUnmodifiableMap(Concept::code, c -> c));
    }

    private static Concept concept(String code, String... phrases) {
        return new Concept(code, Arrays.stream(phrases).map(TriageLexicon::words).toList());
    }

    private static String[] words(String phrase) {
        return phrase.split(" ");
    }

    private static Set<String> of(String... concepts) {
        return Set.of(concepts);
    }

    private static Presentation lifeSaving(String code, String label, Set<String> concepts, ExpectedResource... resources) {
        return new Presentation(code, label, Acuity.LIFE_SAVING, List.of(concepts), age -> true, false, set(resources));
    }

    private static Presentation highRisk(String code, String label, Set<String> concepts, ExpectedResource... resources) {
        return new Presentation(code, label, Acuity.HIGH_RISK, List.of(concepts), age -> true, false, set(resources));
    }

    private static Presentation highRisk(String code, String label, Set<String> first, Set<String> second,
                                         ExpectedResource... resources) {
        return new Presentation(code, label, Acuity.HIGH_RISK, List.of(first, second), age -> true, false, set(resources));
    }

    private static Presentation byResources(String code, String label, Set<String> concepts,
                                            ExpectedResource... resources) {
        return new Presentation(code, label, Acuity.BY_RESOURCES, List.of(concepts), age -> true, false, set(resources));
    }

    private static Set<ExpectedResource> set(ExpectedResource... resources) {
        return resources.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(resources[0], resources));
    }
}
