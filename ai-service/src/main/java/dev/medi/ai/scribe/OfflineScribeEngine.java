package dev.medi.ai.scribe;

import dev.medi.ai.engine.EngineInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline scribe: deterministic and extractive, nothing leaves the service. It splits every turn into sentences,
 * drops small talk, turns a clinician's yes/no question answered "no" into a pertinent negative, and sorts the rest
 * into SOAP sections by rules — who speaks, plus cue words — with the in-jar MiniLM model against short prototype
 * sentences per section as the tie-breaker. Sentences are lightly normalised into note style ("I've had chest pain
 * for three days" → "Patient reports chest pain for three days.") without touching numbers, doses, drug names or
 * negations, and each cites the segments it came from.
 */
@ApplicationScoped
@Named(OfflineScribeEngine.NAME)
public class OfflineScribeEngine implements ScribeEngine {

    public static final String NAME = "offline";
    public static final String MODEL = "medi-extractive-1 + " + SentenceEmbeddings.MODEL;

    enum Role { CLINICIAN, PATIENT }

    private static final Map<SoapSection, List<String>> PROTOTYPES = new EnumMap<>(Map.of(
            SoapSection.SUBJECTIVE, List.of("The patient reports pain and symptoms for several days.",
                    "She has had a cough and a sore throat since last week.",
                    "He says the headache started suddenly and gets worse at night.",
                    "The patient takes medication at home and has a history of asthma."),
            SoapSection.OBJECTIVE, List.of("On examination the chest is clear and the abdomen is soft and non-tender.",
                    "Blood pressure is 130/80, pulse 72, temperature 37 degrees, oxygen saturation 98 percent.",
                    "The throat is red with swollen tonsils and there is a rash on the arm.",
                    "Heart sounds are normal and there is no swelling of the ankles."),
            SoapSection.ASSESSMENT, List.of("This is most likely a viral infection.",
                    "The diagnosis is community-acquired pneumonia.",
                    "I think this is a migraine rather than anything serious.",
                    "The symptoms are consistent with a urinary tract infection."),
            SoapSection.PLAN, List.of("Start amoxicillin 500 mg three times a day for seven days.",
                    "We will order blood tests and a chest X-ray.",
                    "Come back in two weeks, or sooner if it gets worse.",
                    "I am referring you to cardiology and increasing the dose.")));
    private static final List<String> SMALL_TALK_PROTOTYPES = List.of("Hello, nice to see you, please take a seat.",
            "Thank you very much, goodbye.", "Okay, alright, let me have a look.", "How are you doing today?",
            "Do you have any questions?");

    private static final Pattern SMALL_TALK = Pattern.compile("(?i)^(?:hi|hello|hey|good (?:morning|afternoon|evening)|"
            + "thanks?(?: you)?(?: very much| so much)?|cheers|bye|goodbye|see you|take care|ok(?:ay)?|alright|all right|"
            + "right|sure|great|good|fine|perfect|lovely|excellent|no problem|you're welcome|of course|mm+|hmm+|uh-huh|"
            + "yes|yeah|yep|no|nope|i see|got it|that's right|exactly|please|come in|have a seat|take a seat|"
            + "nice to (?:meet|see) you(?: too)?|how are you(?: doing)?(?: today)?|i'm (?:fine|good|ok(?:ay)?)"
            + "(?:,? thanks?(?: you)?)?|what (?:brings|can i do for) you(?: in)?(?: today)?|"
            + "how can i help(?: you)?(?: today)?|(?:do you have )?any (?:other )?questions|let me (?:have a )?(?:look|see|check)"
            + "(?: at (?:you|that|it))?|let's (?:have a look|take a look)|one moment|just a moment|"
            + "(?:that's|that is) (?:all|everything|it))[\\s,.!?]*(?:[\\s,]*(?:then|doctor|doc|thanks?|thank you|please|"
            + "today|now|too|as well))*[\\s,.!?]*$");
    private static final Pattern FILLER = Pattern.compile("(?i)^(?:(?:so|well|okay|ok|right|alright|um+|uh+|erm+|er|"
            + "yeah|yes|and|now|hmm+|mm+|but|also|oh|actually|anyway)[,\\s]+)+");
    private static final Pattern INNER_FILLER = Pattern.compile("(?i)\\s*\\b(?:um+|uh+|erm+)\\b,?");

    // ---- cue words, per section; each match scores one point (two for a strong cue)
    private static final Pattern OBJECTIVE_STRONG = Pattern.compile("(?i)\\b(?:on examination|examination|examined|"
            + "blood pressure|bp|heart rate|pulse|temperature|temp|sats|saturation|oxygen saturation|spo2|resp(?:iratory)? rate|"
            + "auscultation|i can hear|chest is clear|sounds clear|crackles|wheeze (?:on|heard)|tender(?:ness)?|"
            + "non-tender|soft|bowel sounds|reflexes|pupils|swollen|inflamed|erythema|looks red|red and|"
            + "range of movement|heart sounds|murmur|capillary refill|weight|bmi|peak flow|ecg shows|"
            + "glucose (?:is|was|reading)|reading is|reading was|mmhg|bpm|degrees|per ?cent saturation|"
            + "on palpation|palpable|afebrile|febrile|rash (?:on|over)|no (?:rash|murmur|swelling|tenderness|lymph))\\b");
    private static final Pattern ASSESSMENT_CUES = Pattern.compile("(?i)\\b(?:i think (?:this|it|you|he|she|they|that|"
            + "we're dealing)|i suspect|\\w{3,}itis|infection|syndrome|(?:well|better|poorly|badly|un) ?controlled|"
            + "(?:good|some|an) improvement|improving|has improved|getting better|stable|"
            + "most likely|likely|probably|it (?:looks|sounds) like|this (?:looks|sounds) like|consistent with|"
            + "diagnosis|impression|in keeping with|suggestive of|differential|i'm (?:fairly |quite )?(?:sure|confident) "
            + "(?:it|this)|this is (?:a|an)|it's (?:a|an) (?:viral|bacterial)|(?:viral|bacterial) infection|"
            + "could be|might be|may be|rule out|not worried|reassuring|unlikely to be|well controlled|"
            + "poorly controlled|flare|exacerbation)\\b");
    private static final Pattern PLAN_CUES = Pattern.compile("(?i)\\b(?:prescrib\\w*|start (?:you )?on|i'll start|"
            + "we'll start|i'm going to|i'll|we'll|i will|we will|i'd like (?:you )?to|let's|going to (?:give|order|"
            + "send|refer|arrange|book|check)|take (?:one|two|a|the)|tablets?|capsules?|puffs?|inhaler|"
            + "once (?:a|per) day|twice (?:a|per) day|(?:three|four) times (?:a|per) day|daily|every \\w+ hours|"
            + "as needed|refer\\w*|referral|order|blood tests?|bloods|x-?ray|scan|ultrasound|mri|ct|ecg|swab|"
            + "urine (?:test|sample)|follow[- ]up|come back|review|see you (?:in|again|next)|book|appointment|"
            + "if (?:it|things|you|the|symptoms|he|she|they)[^.]*(?:worse|worsen|don't improve|not better|stops?|"
            + "can't|cannot|rash|fever|bleed)|bring (?:him|her|them) (?:back|in)|straight back|safety|recheck|"
            + "re-check|keep an eye|monitor|don't (?:skip|stop|drive|lift)|"
            + "stop taking|increase|decrease|reduce|continue|keep taking|rest|fluids|paracetamol|ibuprofen|"
            + "sick note|fit note|advice|avoid)\\b");
    private static final Pattern SUBJECTIVE_CUES = Pattern.compile("(?i)\\b(?:i've|i have|i had|i've been|i get|i got|"
            + "i feel|i'm feeling|i felt|it hurts|hurts|started|began|since|for (?:the )?(?:past|last)|"
            + "\\w+ (?:days|weeks|months) ago|my|pain|ache|aching|cough|fever|vomit\\w*|nausea|dizzy|tired|"
            + "breath\\w*|sleep\\w*|appetite|history|allerg\\w*|smok\\w*|drink\\w*|i take|i'm taking|i've been taking|"
            + "you said|you mentioned|you've had|you have had|you've been|so you)\\b");
    private static final Pattern RESTATING = Pattern.compile("(?i)^(?:so,? )?(?:you(?:'ve| have)? (?:said|mentioned|told)|"
            + "you've (?:had|been)|you have had|so you)\\b");

    private final SentenceEmbeddings embeddings;
    private volatile Map<SoapSection, List<float[]>> prototypeVectors;
    private volatile List<float[]> smallTalkVectors;

    @Inject
    public OfflineScribeEngine(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public ScribeDraft draftNote(Transcript transcript) {
        Map<String, Role> roles = roles(transcript);
        List<DraftSentence> out = new ArrayList<>();
        Map<String, java.util.Set<String>> answeredBy = new HashMap<>(); // answer segment → its question's stems
        Map<String, String[]> pending = new HashMap<>(); // answer segment → {question, question segment id}
        List<TranscriptSegment> segments = transcript.segments();
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment seg = segments.get(i);
            Role role = roles.get(seg.speaker());
            List<String> sentences = ClinicalText.sentences(seg.text());
            TranscriptSegment next = i + 1 < segments.size() ? segments.get(i + 1) : null;
            boolean answered = next != null && roles.get(next.speaker()) != role;
            for (int k = 0; k < sentences.size(); k++) {
                String sentence = clean(sentences.get(k));
                if (sentence.isEmpty()) {
                    continue;
                }
                if (ClinicalText.isQuestion(sentence)) {
                    if (role == Role.CLINICIAN && answered && k == sentences.size() - 1) {
                        DraftSentence qa = questionAnswer(sentence, seg, next);
                        if (qa != null) {
                            out.add(qa);
                            answeredBy.put(next.id(), ClinicalText.contentStems(sentence));
                        } else {
                            pending.put(next.id(), new String[] {sentence, seg.id()});
                        }
                    }
                    continue; // an unanswered question states nothing
                }
                if (k == 0 && role == Role.PATIENT && pending.containsKey(seg.id())) {
                    DraftSentence answer = answerInContext(pending.get(seg.id()), sentences.get(0).strip(), seg);
                    if (answer != null) {
                        out.add(answer);
                        continue;
                    }
                }
                if (isSmallTalk(sentence)) {
                    continue;
                }
                if (k == 0 && i > 0 && role == Role.PATIENT && isBareAnswer(sentence)) {
                    continue; // "No." / "Yes." — used by the question before it
                }
                if (k == 0 && answeredBy.containsKey(seg.id()) && ClinicalText.isNegativeAnswer(sentence)
                        && answeredBy.get(seg.id()).containsAll(ClinicalText.contentStems(sentence))) {
                    continue; // "No, no cough." — already the pertinent negative of the question before it
                }
                if (k == 0 && answeredBy.containsKey(seg.id())) {
                    // "No, but my ankle is swollen." — the "no" is already the pertinent negative
                    sentence = sentence.replaceFirst("(?i)^(?:no|nope|nah)\\b[,.!]?\\s*(?:but\\s+)?", "").strip();
                    if (sentence.isEmpty()) {
                        continue;
                    }
                    sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
                }
                SoapSection section = classify(sentence, role);
                if (section == null) {
                    continue;
                }
                out.add(new DraftSentence(section, noteStyle(sentence, role, section), List.of(seg.id())));
            }
        }
        out.sort((a, b) -> Integer.compare(a.section().ordinal(), b.section().ordinal())); // stable: keeps order
        return new ScribeDraft(out, EngineInfo.of(NAME, MODEL));
    }

    // ------------------------------------------------------------------ roles

    private static final Pattern CLINICIAN_LABEL = Pattern.compile("(?i)^(?:doctor|dr\\.?|physician|clinician|gp|"
            + "consultant|registrar|resident|nurse|np|pa|midwife|paramedic|prof\\.?|professor)\\b.*");
    private static final Pattern PATIENT_LABEL = Pattern.compile("(?i)^(?:patient|pt|client|mother|father|mum|mom|dad|"
            + "parent|wife|husband|partner|son|daughter|carer|caregiver|relative|guardian|friend|mr\\.?|mrs\\.?|ms\\.?|miss)\\b.*");

    /** Who is the clinician: by label, else by how clinician-like the speaker talks (questions, exam, plan cues). */
    static Map<String, Role> roles(Transcript transcript) {
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, Integer> score = new HashMap<>();
        for (TranscriptSegment s : transcript.segments()) {
            String speaker = s.speaker();
            if (CLINICIAN_LABEL.matcher(speaker).matches()) {
                roles.put(speaker, Role.CLINICIAN);
            } else if (PATIENT_LABEL.matcher(speaker).matches()) {
                roles.put(speaker, Role.PATIENT);
            }
            int points = 0;
            for (String sentence : ClinicalText.sentences(s.text())) {
                if (ClinicalText.isQuestion(sentence)) {
                    points += 2;
                }
                if (OBJECTIVE_STRONG.matcher(sentence).find() || ASSESSMENT_CUES.matcher(sentence).find()) {
                    points++;
                }
                if (sentence.toLowerCase(Locale.ROOT).matches(".*\\b(?:i've|i have|i had|my)\\b.*")) {
                    points--;
                }
            }
            score.merge(speaker, points, Integer::sum);
        }
        boolean anyClinician = roles.containsValue(Role.CLINICIAN);
        String best = null;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (!roles.containsKey(e.getKey()) && (best == null || e.getValue() > score.get(best))) {
                best = e.getKey();
            }
        }
        for (String speaker : score.keySet()) {
            if (!roles.containsKey(speaker)) {
                roles.put(speaker, !anyClinician && speaker.equals(best) ? Role.CLINICIAN : Role.PATIENT);
            }
        }
        return roles;
    }

    // ------------------------------------------------------------------ sentences

    private static String clean(String sentence) {
        String s = INNER_FILLER.matcher(sentence.strip()).replaceAll("");
        s = FILLER.matcher(s).replaceFirst("");
        return s.strip();
    }

    /** Greetings, thanks, acknowledgements — alone or strung together ("Good morning, please take a seat."). */
    static boolean isSmallTalk(String sentence) {
        String s = sentence.strip();
        if (SMALL_TALK.matcher(s).matches()) {
            return true;
        }
        String[] clauses = s.split("[,;]\\s*|\\s+and\\s+");
        if (clauses.length > 1) {
            for (String c : clauses) {
                String clause = c.strip().replaceFirst("(?i)^please\\s+", "");
                if (!clause.isBlank() && !SMALL_TALK.matcher(clause).matches()
                        && !(ClinicalText.contentStems(clause).isEmpty() && ClinicalText.quantities(clause).isEmpty())) {
                    return false;
                }
            }
            return true;
        }
        // nothing but filler and stopwords ("Not at all.", "Oh, I see.")
        return ClinicalText.contentStems(s).isEmpty() && ClinicalText.quantities(s).isEmpty();
    }

    private static boolean isBareAnswer(String sentence) {
        return sentence.strip().matches("(?i)(?:no|nope|nah|yes|yeah|yep|not really|none|never|no,? not at all|"
                + "not that i know of|i don't think so)[.!]*");
    }

    private static final Pattern YES_NO_QUESTION = Pattern.compile("(?i)^(?:and |so |any |have you (?:had|got|noticed|"
            + "been having|had any|experienced)|do you (?:have|get|feel|smoke|drink|take)|did you (?:have|get|notice|"
            + "feel)|are you (?:having|getting|feeling|on|taking)?|is there (?:any)?|has there been|were you|any)\\s*"
            + "(?<what>.+?)\\??$");

    /**
     * A short answer makes no sense without its question: "Yes." to a yes/no question → "Patient reports X."; any
     * other answer of up to six words → the question and the answer quoted, citing both turns.
     */
    private static DraftSentence answerInContext(String[] question, String reply, TranscriptSegment answer) {
        List<String> ids = List.of(question[1], answer.id());
        if (ClinicalText.isPositiveAnswer(reply) && isBareAnswer(reply)) {
            String what = yesNoTopic(question[0]);
            if (what != null) {
                return new DraftSentence(SoapSection.SUBJECTIVE, "Patient reports " + what + ".", ids);
            }
        }
        String cleaned = clean(reply);
        if (ClinicalText.words(reply).size() > 8 || cleaned.isEmpty() || ClinicalText.isQuestion(reply)
                || SMALL_TALK.matcher(reply.strip()).matches() && !isBareAnswer(reply)) {
            return null;
        }
        String q = question[0].strip().replace('"', '\'');
        String a = reply.replace('"', '\'');
        return new DraftSentence(SoapSection.SUBJECTIVE, "When asked \"" + q + "\", patient answers \"" + a + "\"", ids);
    }

    /** "Any fever or chills?" → "fever or chills"; null when the question is not a yes/no question about something. */
    private static String yesNoTopic(String question) {
        Matcher m = YES_NO_QUESTION.matcher(question.strip());
        if (!m.matches()) {
            return null;
        }
        String what = m.group("what").replaceAll("(?i)^(?:any|a|an|the)\\s+", "")
                .replaceAll("(?i)\\s+(?:at all|recently|lately|today|as well|too|or anything(?: like that)?|"
                        + "or anything else)$", "")
                .replaceAll("(?i)\\byour\\b", "their").strip();
        if (what.isEmpty() || ClinicalText.contentStems(what).isEmpty() || what.matches("(?i).*\\b(?:you|i|me)\\b.*")) {
            return null;
        }
        return what;
    }

    /** A clinician's yes/no question answered "no" → a pertinent negative citing both turns. */
    private static DraftSentence questionAnswer(String question, TranscriptSegment q, TranscriptSegment answer) {
        String reply = answer.text().strip();
        if (!ClinicalText.isNegativeAnswer(reply)) {
            return null; // a "yes" comes with its own words, which the answer's sentences carry
        }
        Matcher m = YES_NO_QUESTION.matcher(question.strip());
        if (!m.matches()) {
            return null;
        }
        String what = m.group("what").replaceAll("(?i)^(?:any|a|an|the)\\s+", "")
                .replaceAll("(?i)\\s+(?:at all|recently|lately|today|as well|too|or anything(?: like that)?|"
                        + "or anything else)$", "")
                .replaceAll("(?i)\\byour\\b", "their").strip();
        if (what.isEmpty() || ClinicalText.contentStems(what).isEmpty() || what.matches("(?i).*\\b(?:you|i|me)\\b.*")) {
            return null;
        }
        SoapSection section = SoapSection.SUBJECTIVE;
        String lower = what.toLowerCase(Locale.ROOT);
        String text;
        if (lower.matches("(?:allerg\\w*.*|.*allergies)")) {
            text = "No known allergies reported.";
        } else if (lower.matches("(?:smoke|drink)\\b.*")) {
            text = "Patient does not " + what + ".";
        } else {
            text = "Patient denies " + what + ".";
        }
        return new DraftSentence(section, text, List.of(q.id(), answer.id()));
    }

    /** Rules first; the embedding model breaks ties (and decides when no rule fires). Null: drop the sentence. */
    SoapSection classify(String sentence, Role role) {
        Map<SoapSection, Integer> score = new EnumMap<>(SoapSection.class);
        for (SoapSection s : SoapSection.values()) {
            score.put(s, 0);
        }
        int objective = count(OBJECTIVE_STRONG, sentence) * 2;
        int assessment = count(ASSESSMENT_CUES, sentence) * 2;
        int plan = count(PLAN_CUES, sentence);
        if (!ClinicalText.frequencies(sentence).isEmpty()
                || ClinicalText.quantities(sentence).stream().anyMatch(q -> "mg".equals(q.unit()) || "puff".equals(q.unit())
                || "tablet".equals(q.unit()) || "ml".equals(q.unit()) || "mcg".equals(q.unit()))) {
            plan += 2;
        }
        int subjective = count(SUBJECTIVE_CUES, sentence);
        if (role == Role.PATIENT) {
            // what the patient says is history, whatever words it uses (their own medicines and readings included)
            return SoapSection.SUBJECTIVE;
        }
        if (RESTATING.matcher(sentence).find()) {
            subjective += 4;
        }
        score.put(SoapSection.SUBJECTIVE, subjective);
        score.put(SoapSection.OBJECTIVE, objective);
        score.put(SoapSection.ASSESSMENT, assessment);
        score.put(SoapSection.PLAN, plan);
        int max = score.values().stream().max(Integer::compare).orElse(0);
        List<SoapSection> top = score.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList();
        if (max > 0 && top.size() == 1) {
            return top.get(0);
        }
        // tie-breaker: the nearest prototype among the tied sections (all four when no rule fired)
        float[] v = embeddings.embed(sentence);
        if (max == 0 && nearest(v, smallTalk()) >= nearestAny(v)) {
            return null;
        }
        SoapSection best = null;
        double bestSim = -2;
        for (SoapSection s : top) {
            double sim = nearest(v, prototypes().get(s));
            if (sim > bestSim) {
                bestSim = sim;
                best = s;
            }
        }
        if (max == 0 && bestSim < 0.2) {
            return null; // says nothing a note needs
        }
        return best;
    }

    private double nearestAny(float[] v) {
        double best = -2;
        for (List<float[]> vs : prototypes().values()) {
            best = Math.max(best, nearest(v, vs));
        }
        return best;
    }

    private static double nearest(float[] v, List<float[]> candidates) {
        double best = -2;
        for (float[] c : candidates) {
            best = Math.max(best, SentenceEmbeddings.cosine(v, c));
        }
        return best;
    }

    private Map<SoapSection, List<float[]>> prototypes() {
        Map<SoapSection, List<float[]>> p = prototypeVectors;
        if (p == null) {
            p = new EnumMap<>(SoapSection.class);
            for (Map.Entry<SoapSection, List<String>> e : PROTOTYPES.entrySet()) {
                p.put(e.getKey(), e.getValue().stream().map(embeddings::embed).toList());
            }
            prototypeVectors = p;
        }
        return p;
    }

    private List<float[]> smallTalk() {
        List<float[]> s = smallTalkVectors;
        if (s == null) {
            s = SMALL_TALK_PROTOTYPES.stream().map(embeddings::embed).toList();
            smallTalkVectors = s;
        }
        return s;
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ note style

    private static final Pattern PATIENT_REPORTS = Pattern.compile(
            "(?i)^(?:i've|i have|i)\\s+(?:had|got|been having|been getting|been experiencing|noticed|been feeling)\\s+(?<rest>.+)$");
    private static final Pattern PATIENT_HAS = Pattern.compile("(?i)^(?:i've got|i have got|i have|i get|i'm getting|"
            + "i am getting|i'm having|i am having)\\s+(?<rest>.+)$");
    private static final Pattern PATIENT_TAKES = Pattern.compile("(?i)^(?:i take|i'm taking|i am taking|i've been taking|"
            + "i have been taking|i'm on|i am on)\\s+(?<rest>.+)$");
    private static final Pattern CLINICIAN_WILL = Pattern.compile("(?i)^(?:i'm going to|i am going to|i'll|i will|"
            + "we'll|we will|we're going to|i'd like to|let's|let us)\\s+(?<verb>prescribe|start|order|refer|arrange|"
            + "book|send|request|check|give|increase|reduce|stop|continue|repeat|do|take|get)\\b(?<rest>.*)$");

    private static final Pattern IMPRESSION = Pattern.compile("(?i)^(?:i think|i suspect|i believe|it looks like|"
            + "this looks like|it sounds like|this sounds like|my impression is)(?: that)?\\s+(?:this is|it's|it is|he has|she has|they have|he's got|she's got|"
            + "you have|you've got|this)?\\s*(?<rest>.*)$");

    /** Light rewording into note style; numbers, doses, drug names and negations are left exactly as said. */
    static String noteStyle(String sentence, Role role, SoapSection section) {
        String s = sentence.strip().replaceAll("[.!…]+$", "");
        if (s.isEmpty()) {
            return s;
        }
        String rewritten = null;
        if (role == Role.PATIENT) {
            Matcher m = PATIENT_REPORTS.matcher(s);
            if (m.matches() && thirdPersonSafe(m.group("rest"))) {
                rewritten = "Patient reports " + possessive(m.group("rest"));
            } else if ((m = PATIENT_HAS.matcher(s)).matches() && thirdPersonSafe(m.group("rest"))) {
                rewritten = "Patient reports " + possessive(m.group("rest"));
            } else if ((m = PATIENT_TAKES.matcher(s)).matches() && thirdPersonSafe(m.group("rest"))) {
                rewritten = "Patient takes " + possessive(m.group("rest"));
            } else if (s.matches("(?i)^my\\s+.+") && thirdPersonSafe(s.substring(3))) {
                rewritten = "Patient's " + possessive(s.substring(3).strip());
            } else if (!thirdPersonSafe(s)) {
                String third = thirdPerson(s);
                if (thirdPersonSafe(third)) {
                    rewritten = "Patient states " + (third.startsWith("I ") ? third : lowerFirst(third));
                }
            }
        } else if (role == Role.CLINICIAN && section == SoapSection.PLAN) {
            Matcher m = CLINICIAN_WILL.matcher(s);
            if (m.matches() && thirdPersonSafe(m.group("rest").replaceAll("(?i)\\byou\\b", ""))) {
                String verb = m.group("verb");
                String rest = m.group("rest").replaceFirst("(?i)^\\s+you\\s+(?:on\\s+)?", " ");
                rewritten = Character.toUpperCase(verb.charAt(0)) + verb.substring(1).toLowerCase(Locale.ROOT) + rest;
            }
        } else if (role == Role.CLINICIAN && section == SoapSection.OBJECTIVE) {
            if (s.matches("(?i)^your\\s+.+")) {
                rewritten = s.replaceAll("(?i)\\byour\\s+", "");
            }
        } else if (role == Role.CLINICIAN && section == SoapSection.ASSESSMENT) {
            Matcher m = IMPRESSION.matcher(s);
            if (m.matches() && !m.group("rest").isBlank()) {
                String rest = m.group("rest").strip();
                rewritten = rest.matches("(?i)^(?:most likely|likely|probably|possibly|almost certainly)\\b.*")
                        ? rest : "Impression: " + rest;
            }
        }
        String out = rewritten == null ? s : rewritten;
        out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
        return out + ".";
    }

    private static boolean thirdPersonSafe(String rest) {
        return !rest.matches("(?i).*\\b(?:i|i'm|i've|i'd|i'll|me|myself|we|us|our)\\b.*");
    }

    private static final String[][] FIRST_TO_THIRD = {
            {"\\bI'm\\b", "they are"}, {"\\bI am\\b", "they are"}, {"\\bI was\\b", "they were"},
            {"\\bI've\\b", "they have"}, {"\\bI'd\\b", "they would"}, {"\\bI'll\\b", "they will"},
            {"\\bI\\b", "they"}, {"\\bme\\b", "them"}, {"\\bmyself\\b", "themselves"}, {"\\bmy\\b", "their"},
            {"\\bMy\\b", "Their"}, {"\\bmine\\b", "theirs"}};

    /** "I'm not sleeping well because of my cough" → "they are not sleeping well because of their cough". */
    static String thirdPerson(String sentence) {
        String out = sentence.replace('’', '\'');
        if (out.matches("(?i).*\\b(?:we|us|our)\\b.*")) {
            return sentence; // who "we" are is not ours to guess
        }
        for (String[] r : FIRST_TO_THIRD) {
            out = out.replaceAll(r[0], r[1]);
        }
        return out;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String possessive(String rest) {
        return rest.replaceAll("\\bmy\\b", "their").replaceAll("\\bMy\\b", "Their");
    }
}
