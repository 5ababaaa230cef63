package dev.medi.ai.scribe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text rules shared by the offline scribe and the faithfulness check: sentence splitting, word stems,
 * negation scopes (NegEx-style triggers and terminators), numbers with their units, and dose frequencies.
 */
public final class ClinicalText {

    private ClinicalText() {
    }

    // ---------------------------------------------------------------- sentences

    private static final Set<String> ABBREVIATIONS = Set.copyOf(java.util.List.of("dr", "mr", "mrs", "ms", "prof", "st", "vs", "approx",
            "e.g", "i.e", "eg", "ie", "etc", "no", "mg", "ml", "tab", "tabs", "b.i.d", "t.i.d", "q.i.d", "p.r.n", "o.d",
            "inc", "jr", "sr", "dept", "fig"));

    /** Splits text into sentences at . ! ? (not after abbreviations or inside decimals). */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = text.strip();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            // swallow runs like "?!" or "..." and closing quotes/brackets
            int end = i + 1;
            while (end < t.length() && ".!?…\"'’”)".indexOf(t.charAt(end)) >= 0) {
                end++;
            }
            if (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                continue; // "37.5", "e.g.x", "b.i.d"
            }
            if (c == '.') {
                String word = lastWord(t, i);
                if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))
                        || (word.length() == 1 && Character.isUpperCase(word.charAt(0)))) {
                    // "Dr. Smith", "J. Smith" — but "No." at the end of an answer is a sentence
                    if (!(word.equalsIgnoreCase("no") && nextIsCapitalOrEnd(t, end))) {
                        continue;
                    }
                }
                int next = skipSpaces(t, end);
                if (next < t.length() && Character.isLowerCase(t.charAt(next)) && !word.isEmpty()
                        && Character.isDigit(word.charAt(word.length() - 1))) {
                    continue;
                }
            }
            String s = t.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
            start = end;
            i = end - 1;
        }
        String rest = t.substring(Math.min(start, t.length())).strip();
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static boolean nextIsCapitalOrEnd(String t, int from) {
        int next = skipSpaces(t, from);
        return next >= t.length() || Character.isUpperCase(t.charAt(next));
    }

    private static int skipSpaces(String t, int from) {
        int i = from;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String lastWord(String t, int dot) {
        int j = dot;
        while (j > 0 && (Character.isLetterOrDigit(t.charAt(j - 1)) || t.charAt(j - 1) == '.')) {
            j--;
        }
        return t.substring(j, dot);
    }

    // ---------------------------------------------------------------- words

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_\\d+]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*[\\p{L}]|[\\p{L}]");

    /** Text with redaction placeholders ("[NAME_1]") blanked, so their digits are not numbers. */
    public static String withoutPlaceholders(String text) {
        return PLACEHOLDER.matcher(text).replaceAll(" ");
    }

    /** Lower-case words (letters, inner apostrophes and hyphens) in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(withoutPlaceholders(text).replace('’', '\''));
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("breathless", "breath"), Map.entry("breathlessness", "breath"), Map.entry("breathing", "breath"),
            Map.entry("dyspnoea", "breath"), Map.entry("dyspnea", "breath"), Map.entry("shortness", "short"),
            Map.entry("febrile", "fever"), Map.entry("feverish", "fever"), Map.entry("fevers", "fever"),
            Map.entry("vomited", "vomit"), Map.entry("vomiting", "vomit"), Map.entry("nauseous", "nausea"),
            Map.entry("nauseated", "nausea"), Map.entry("dizzy", "dizziness"), Map.entry("painful", "pain"),
            Map.entry("pains", "pain"), Map.entry("aching", "ache"), Map.entry("aches", "ache"),
            Map.entry("coughing", "cough"), Map.entry("coughs", "cough"), Map.entry("headaches", "headache"),
            Map.entry("swollen", "swell"), Map.entry("swelling", "swell"), Map.entry("bleeding", "bleed"),
            Map.entry("blood", "blood"), Map.entry("tender", "tender"), Map.entry("tenderness", "tender"),
            Map.entry("chills", "chill"), Map.entry("rashes", "rash"), Map.entry("diarrhoea", "diarrhea"),
            Map.entry("wheezing", "wheeze"), Map.entry("wheezy", "wheeze"), Map.entry("palpitation", "palpitations"),
            Map.entry("sweats", "sweat"), Map.entry("sweating", "sweat"), Map.entry("smoker", "smoke"),
            Map.entry("smoking", "smoke"), Map.entry("smokes", "smoke"), Map.entry("allergic", "allergy"),
            Map.entry("allergies", "allergy"), Map.entry("faint", "faint"), Map.entry("fainted", "faint"),
            Map.entry("fainting", "faint"), Map.entry("unconscious", "conscious"));

    /** A light stem so that "vomiting"/"vomited", "breathless"/"shortness of breath" compare equal. */
    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() > 5 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Words that carry no clinical meaning of their own: never counted as negated or affirmed terms. */
    public static final Set<String> STOPWORDS = Set.copyOf(java.util.List.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
            "had", "having", "do", "does", "did", "doing", "done", "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine",
            "you", "your", "you're", "you've", "he", "she", "it", "it's", "its", "they", "them", "their", "his", "her",
            "we", "us", "our", "this", "that", "these", "those", "there", "here", "any", "some", "much", "many", "more",
            "most", "very", "really", "quite", "just", "also", "still", "yet", "too", "so", "then", "now", "today",
            "yesterday", "recently", "lately", "ever", "again", "all", "at", "about", "get", "got", "getting", "feel",
            "feels", "feeling", "felt", "noticed", "notice", "experienced", "experience", "experiencing", "patient",
            "patients", "pt", "report", "reports", "reported", "reporting", "state", "states", "stated", "say", "says",
            "said", "mention", "mentions", "mentioned", "describes", "described", "complains", "complained",
            "complaint", "denies", "denied", "deny", "no", "not", "never", "without", "none", "nothing", "negative",
            "free", "absence", "absent", "n't", "don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "isn't",
            "aren't", "wasn't", "weren't", "won't", "can't", "cannot", "couldn't", "nor", "neither", "either", "if",
            "when", "while", "since", "than", "like", "well", "okay", "ok", "yes", "yeah", "sure", "right", "things",
            "thing", "something", "anything", "bit", "little", "lot", "kind", "sort", "whether", "which", "who",
            "what", "where", "how", "why", "would", "could", "should", "will", "shall", "may", "might", "must", "can",
            "one's", "been", "go", "going", "gone", "went", "come", "came", "coming", "take", "taking", "took", "taken",
            "day", "days", "week", "weeks", "time", "times", "currently", "presently", "other", "another", "such",
            "only", "both", "each", "every", "per", "into", "out", "up", "down", "over", "under", "off", "had", "has",
            "seems", "seem", "seemed", "appears", "appear", "appeared", "noted", "note", "found", "find", "shows",
            "show", "showed", "signs", "sign", "symptom", "symptoms", "history", "episodes", "episode", "further",
            "new", "known", "significant", "associated", "definitely", "certainly", "actually", "at all"));

    /** Content words of a text, stemmed. */
    public static Set<String> contentStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (!STOPWORDS.contains(w) && w.length() > 1) {
                out.add(stem(w));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- negation

    private static final Pattern NEGATION_TRIGGER = Pattern.compile(
            "\\b(?:denies|denied|deny|denying|no|not|never|without|none|nor|negative for|free of|absence of|absent|"
                    + "doesn't|does not|didn't|did not|don't|do not|haven't|have not|hasn't|has not|hadn't|had not|"
                    + "isn't|is not|aren't|are not|wasn't|was not|weren't|were not|won't|cannot|can't|couldn't|"
                    + "rules? out|ruled out|no evidence of|no signs? of|unremarkable for)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words that end a negation's scope (NegEx termination terms). */
    private static final Set<String> TERMINATORS = Set.copyOf(java.util.List.of("but", "however", "although", "though", "except", "apart",
            "aside", "which", "who", "whereas", "yet", "still", "because", "since", "though", "cause", "causes",
            "now", "today", "currently", "so"));
    private static final int SCOPE_WORDS = 6;

    /** Stems of the content words inside negation scopes. */
    public static Set<String> negatedStems(String text) {
        return negation(text).negated();
    }

    /** The negated and the affirmed (outside any negation scope) content stems of one text. */
    public record Polarity(Set<String> negated, Set<String> affirmed) {
    }

    /** Splits a text's content stems into negated ones and affirmed ones, sentence by sentence. */
    public static Polarity negation(String text) {
        Set<String> negated = new LinkedHashSet<>();
        Set<String> affirmed = new LinkedHashSet<>();
        for (String sentence : sentences(withoutPlaceholders(text))) {
            for (String clause : sentence.split("[;:]")) {
                clausePolarity(clause, negated, affirmed);
            }
        }
        return new Polarity(negated, affirmed);
    }

    private static void clausePolarity(String clause, Set<String> negated, Set<String> affirmed) {
        String lower = clause.toLowerCase(Locale.ROOT).replace('’', '\'');
        boolean[] inScope = new boolean[lower.length() + 1];
        Matcher trigger = NEGATION_TRIGGER.matcher(lower);
        while (trigger.find()) {
            // "not only", "no longer" … keep it simple: "no longer" still negates the present
            int pos = trigger.end();
            int words = 0;
            Matcher w = WORD.matcher(lower);
            w.region(pos, lower.length());
            int scopeEnd = pos;
            while (w.find()) {
                String between = lower.substring(scopeEnd, w.start());
                if (between.contains(".") || between.contains("?") || between.contains("!")) {
                    break;
                }
                String word = w.group();
                if (TERMINATORS.contains(word)) {
                    break;
                }
                scopeEnd = w.end();
                if (!STOPWORDS.contains(word)) {
                    words++;
                }
                if (words >= SCOPE_WORDS) {
                    break;
                }
            }
            for (int i = trigger.start(); i < scopeEnd; i++) {
                inScope[i] = true;
            }
        }
        Matcher w = WORD.matcher(lower);
        while (w.find()) {
            String word = w.group();
            if (STOPWORDS.contains(word) || word.length() < 2) {
                continue;
            }
            (inScope[w.start()] ? negated : affirmed).add(stem(word));
        }
    }

    private static final Pattern NEGATIVE_ANSWER = Pattern.compile(
            "^\\s*(?:no|nope|nah|not really|not at all|none|never|not that i know|not that i've noticed|"
                    + "i don't think so|i haven't|i have not|i don't|i do not|no i haven't|no i don't)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE_ANSWER = Pattern.compile(
            "^\\s*(?:yes|yeah|yep|yup|i have|i do|a bit|a little|sometimes|definitely|i did|mm-?hm|uh-huh)\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** Whether a reply opens with a "no" ("No.", "Nope, never", "Not really"). */
    public static boolean isNegativeAnswer(String reply) {
        return reply != null && NEGATIVE_ANSWER.matcher(reply.strip()).matches()
                && !reply.strip().toLowerCase(Locale.ROOT).startsWith("no doubt");
    }

    /** Whether a reply opens with a "yes". */
    public static boolean isPositiveAnswer(String reply) {
        return reply != null && POSITIVE_ANSWER.matcher(reply.strip()).matches();
    }

    public static boolean isQuestion(String sentence) {
        return sentence.strip().endsWith("?");
    }

    // ---------------------------------------------------------------- numbers, units, frequencies

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
            Map.entry("a hundred", 100), Map.entry("one hundred", 100), Map.entry("half", -1));

    /** Unit spellings → one canonical form. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("mg", "mg"), Map.entry("mgs", "mg"), Map.entry("milligram", "mg"), Map.entry("milligrams", "mg"),
            Map.entry("g", "g"), Map.entry("gram", "g"), Map.entry("grams", "g"), Map.entry("gm", "g"),
            Map.entry("mcg", "mcg"), Map.entry("µg", "mcg"), Map.entry("ug", "mcg"), Map.entry("microgram", "mcg"),
            Map.entry("micrograms", "mcg"), Map.entry("ml", "ml"), Map.entry("mls", "ml"), Map.entry("millilitre", "ml"),
            Map.entry("millilitres", "ml"), Map.entry("milliliter", "ml"), Map.entry("milliliters", "ml"),
            Map.entry("l", "l"), Map.entry("litre", "l"), Map.entry("litres", "l"), Map.entry("liter", "l"),
            Map.entry("liters", "l"), Map.entry("unit", "unit"), Map.entry("units", "unit"), Map.entry("iu", "unit"),
            Map.entry("puff", "puff"), Map.entry("puffs", "puff"), Map.entry("tablet", "tablet"),
            Map.entry("tablets", "tablet"), Map.entry("tabs", "tablet"), Map.entry("tab", "tablet"),
            Map.entry("pill", "tablet"), Map.entry("pills", "tablet"), Map.entry("capsule", "capsule"),
            Map.entry("capsules", "capsule"), Map.entry("caps", "capsule"), Map.entry("drop", "drop"),
            Map.entry("drops", "drop"), Map.entry("spray", "spray"), Map.entry("sprays", "spray"),
            Map.entry("sachet", "sachet"), Map.entry("sachets", "sachet"), Map.entry("patch", "patch"),
            Map.entry("mmhg", "mmhg"), Map.entry("bpm", "bpm"), Map.entry("beats", "bpm"), Map.entry("%", "%"),
            Map.entry("percent", "%"), Map.entry("per cent", "%"), Map.entry("°c", "°c"), Map.entry("°", "°c"),
            Map.entry("degrees", "°c"), Map.entry("degree", "°c"), Map.entry("c", "°c"), Map.entry("celsius", "°c"),
            Map.entry("°f", "°f"), Map.entry("fahrenheit", "°f"), Map.entry("kg", "kg"), Map.entry("kilos", "kg"),
            Map.entry("kilograms", "kg"), Map.entry("kilogram", "kg"), Map.entry("lb", "lb"), Map.entry("lbs", "lb"),
            Map.entry("pounds", "lb"), Map.entry("cm", "cm"), Map.entry("mm", "mm"), Map.entry("m", "m"),
            Map.entry("mmol", "mmol"), Map.entry("mmol/l", "mmol/l"), Map.entry("mg/dl", "mg/dl"),
            Map.entry("breaths", "breaths"), Map.entry("minute", "min"), Map.entry("minutes", "min"),
            Map.entry("mins", "min"), Map.entry("min", "min"), Map.entry("hour", "h"), Map.entry("hours", "h"),
            Map.entry("hrs", "h"), Map.entry("hr", "h"), Map.entry("h", "h"), Map.entry("day", "day"),
            Map.entry("days", "day"), Map.entry("week", "week"), Map.entry("weeks", "week"), Map.entry("wk", "week"),
            Map.entry("wks", "week"), Map.entry("month", "month"), Map.entry("months", "month"), Map.entry("year", "year"),
            Map.entry("years", "year"), Map.entry("yrs", "year"), Map.entry("times", "times"),
            Map.entry("cigarettes", "cigarette"), Map.entry("cigarette", "cigarette"), Map.entry("units of", "unit"),
            Map.entry("drinks", "drink"), Map.entry("glasses", "drink"), Map.entry("episodes", "episode"),
            Map.entry("nights", "night"), Map.entry("night", "night"), Map.entry("out of", "outof"), Map.entry("/10", "/10"));

    /** Units a clinician may add to a bare number without changing it (vital signs). */
    private static final Set<String> IMPLIED_UNITS = Set.copyOf(java.util.List.of("mmhg", "bpm", "°c", "%", "breaths", "kg", "cm", "min",
            "mmol/l", "outof", "/10"));

    /** A number in a text with the unit that follows it (null when none). */
    public record Quantity(String value, String unit, String original) {

        /** "500 mg", "140/90", "38.5 °c". */
        public String display() {
            return unit == null ? value : value + " " + unit;
        }
    }

    private static final String NUMBER_WORD_ALT = "(?:(?:one|a) hundred|zero|one|two|three|four|five|six|seven|eight|"
            + "nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
            + "forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\p{L}\\d.])(?<num>\\d+(?:[.,]\\d+)?(?:/\\d+(?:[.,]\\d+)?)?|" + NUMBER_WORD_ALT + "(?: point \\w+)?)"
                    + "(?:\\s*(?<unit>mmol/l|mg/dl|mmhg|mcg|µg|ug|mg|mgs|milligrams?|micrograms?|grams?|gm|g|ml|mls|"
                    + "millilit(?:re|er)s?|lit(?:re|er)s?|l|units of|units?|iu|puffs?|tablets?|tabs?|pills?|capsules?|"
                    + "caps|drops?|sprays?|sachets?|patch|bpm|beats|%|percent|per cent|°c|°f|°|degrees?|celsius|"
                    + "fahrenheit|c|kg|kilos|kilograms?|lbs?|pounds|cm|mm|m|mmol|breaths|minutes?|mins?|hours?|hrs?|"
                    + "hr|h|days?|weeks?|wks?|wk|months?|years?|yrs|times|cigarettes?|drinks|glasses|episodes|nights?|"
                    + "out of|/10))?(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    /** Every number in the text (digits or words), with its canonical unit when one follows. */
    public static List<Quantity> quantities(String text) {
        List<Quantity> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(withoutPlaceholders(text).replace('’', '\''));
        while (m.find()) {
            String num = m.group("num");
            String value = normaliseNumber(num);
            if (value == null) {
                continue;
            }
            String unit = m.group("unit") == null ? null : UNITS.get(m.group("unit").toLowerCase(Locale.ROOT));
            if ("one".equalsIgnoreCase(num) && unit == null) {
                continue; // "one of those", "the right one": not a quantity
            }
            out.add(new Quantity(value, unit, m.group().strip()));
        }
        return out;
    }

    /** "three" → "3", "1,5" → "1.5", "twenty-one" → "21", "38 point 5" → "38.5"; null when not a number. */
    static String normaliseNumber(String num) {
        String n = num.toLowerCase(Locale.ROOT).strip();
        if (Character.isDigit(n.charAt(0))) {
            n = n.replace(',', '.');
            if (n.contains("/")) {
                return n;
            }
            try {
                return new java.math.BigDecimal(n).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String decimals = null;
        int point = n.indexOf(" point ");
        if (point > 0) {
            decimals = n.substring(point + 7).strip();
            n = n.substring(0, point);
            Integer d = NUMBER_WORDS.get(decimals);
            decimals = d != null ? String.valueOf(d) : decimals.chars().allMatch(Character::isDigit) ? decimals : null;
        }
        int total = 0;
        for (String part : n.split("[- ]")) {
            if (part.equals("a")) {
                continue;
            }
            Integer v = NUMBER_WORDS.get(part);
            if (v == null || v < 0) {
                return null;
            }
            total = v == 100 ? Math.max(1, total) * 100 : total + v;
        }
        return decimals == null ? String.valueOf(total) : total + "." + decimals;
    }

    /** Whether a quantity of the sentence is backed by one of the cited text's quantities. */
    public static boolean supportedBy(Quantity q, List<Quantity> cited) {
        for (Quantity c : cited) {
            if (!c.value().equals(q.value())) {
                continue;
            }
            if (q.unit() == null || q.unit().equals(c.unit())) {
                return true;
            }
            if (c.unit() == null && IMPLIED_UNITS.contains(q.unit())) {
                return true;
            }
        }
        return false;
    }

    private static final List<Map.Entry<Pattern, String>> FREQUENCIES = List.of(
            Map.entry(Pattern.compile("\\b(?:once (?:a|per|each|every) day|once daily|once a day|o\\.?d\\.?|q\\.?d\\.?|"
                    + "daily|every day|each day|a day|per day|one time a day|1 time a day|1x/?day)\\b"), "once daily"),
            Map.entry(Pattern.compile("\\b(?:twice (?:a|per|each) day|twice daily|two times (?:a|per) day|2 times (?:a|per) day|"
                    + "b\\.?d\\.?|b\\.?i\\.?d\\.?|2x/?day|morning and (?:night|evening))\\b"), "twice daily"),
            Map.entry(Pattern.compile("\\b(?:three times (?:a|per|each) day|three times daily|3 times (?:a|per) day|"
                    + "3 times daily|t\\.?d\\.?s\\.?|t\\.?i\\.?d\\.?|3x/?day)\\b"), "three times daily"),
            Map.entry(Pattern.compile("\\b(?:four times (?:a|per|each) day|four times daily|4 times (?:a|per) day|"
                    + "4 times daily|q\\.?d\\.?s\\.?|q\\.?i\\.?d\\.?|4x/?day)\\b"), "four times daily"),
            Map.entry(Pattern.compile("\\b(?:once (?:a|per) week|once weekly|weekly|every week)\\b"), "weekly"),
            Map.entry(Pattern.compile("\\b(?:at night|nightly|every night|at bedtime|before bed|nocte|o\\.?n\\.?)\\b"), "at night"),
            Map.entry(Pattern.compile("\\b(?:in the morning|every morning|each morning|mane)\\b"), "in the morning"),
            Map.entry(Pattern.compile("\\b(?:as needed|as required|when needed|when required|if needed|if required|prn|p\\.r\\.n\\.?|as and when|(?:when|if) (?:i|you|he|she|they|we) needs? (?:it|them|to))\\b"), "as needed"),
            Map.entry(Pattern.compile("\\bevery (\\w+) hours?\\b|\\bq(\\d+)h\\b"), "every %s hours"));

    /** Dose frequencies in a text, canonical ("twice daily", "every 6 hours", "as needed"). */
    public static Set<String> frequencies(String text) {
        Set<String> out = new LinkedHashSet<>();
        String lower = withoutPlaceholders(text).toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> f : FREQUENCIES) {
            Matcher m = f.getKey().matcher(lower);
            while (m.find()) {
                if (f.getValue().contains("%s")) {
                    String n = m.group(1) != null ? m.group(1) : m.group(2);
                    String v = normaliseNumber(n);
                    out.add(String.format(f.getValue(), v == null ? n : v));
                } else {
                    out.add(f.getValue());
                }
            }
        }
        // "twice daily" also contains "daily": keep the more specific one
        if (out.size() > 1 && out.contains("once daily") && !lower.matches("(?s).*\\bonce (?:a |per |each )?da(?:y|ily)\\b.*")) {
            out.remove("once daily");
        }
        return out;
    }
}
