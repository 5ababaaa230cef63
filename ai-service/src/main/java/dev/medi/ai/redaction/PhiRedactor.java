package dev.medi.ai.redaction;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces protected health information by placeholders before a text reaches any model: the patient's (and the
 * people in the room's) names and their parts, the MRN (10 digits, however grouped), other identifiers, phone
 * numbers, e-mail addresses, postal address lines, the birth date, ages over 89 (HIPAA Safe Harbor) — and shifts
 * every other exact date by the request's {@code shiftDays}, keeping its format. The same text gets the same
 * placeholder throughout one {@link Redaction}; {@link #restore} puts the originals back and shifts dates back.
 */
@ApplicationScoped
public class PhiRedactor implements Redactor {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(NAME|MRN|ID|PHONE|EMAIL|ADDRESS|DOB|AGE)_(\\d+)]");
    /** "number", "no.", "#", "is", ":" between a label and its value. */
    private static final String LABEL_TAIL = "\\s*(?:number|no\\.?|id|#)?\\s*(?:is|was|=)?\\s*[:#]?\\s*";
    /** An identifier value: an optional letter prefix, then digits (grouped by spaces or hyphens) and letters. */
    private static final String ID_VALUE = "(?<id>[A-Z]{0,5}-?\\d[A-Z0-9-]*(?:\\s\\d[A-Z0-9-]*){0,3})";
    private static final Pattern EMAIL = Pattern.compile(
            // starts only at a token's start and never gives back: linear on long runs of letters
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}+@[\\p{L}\\p{N}-]{1,63}+(?:\\.[\\p{L}\\p{N}-]{1,63}+)*+"
                    + "(?<=\\.[\\p{L}]{2,63})");
    /** Ten digits grouped by spaces or hyphens: the project's MRN shape. */
    private static final Pattern MRN_SHAPE = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){9}(?![\\d-])");
    private static final Pattern MRN_LABELLED = Pattern.compile(
            "\\b(?:MRN|medical record(?: number)?|record number|hospital number)" + LABEL_TAIL + ID_VALUE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_ID_LABELLED = Pattern.compile(
            "\\b(?:NHS|SSN|social security|insurance|policy|passport|licen[cs]e|member|national id|patient id|"
                    + "health card|medicare|medicaid)" + LABEL_TAIL + ID_VALUE, Pattern.CASE_INSENSITIVE);
    private static final Pattern SSN = Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\d+])(?:\\+\\d{1,3}[\\s.-]?(?:\\(0?\\d{1,4}\\)[\\s.-]?)?\\d{1,4}(?:[\\s.-]?\\d{2,4}){1,4}"
                    + "|\\(0?\\d{2,5}\\)[\\s.-]?\\d{3,4}[\\s.-]?\\d{3,4}"
                    + "|0\\d{2,4}[\\s.-]?\\d{3,4}[\\s.-]?\\d{3,4}"
                    + "|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![\\d])");
    private static final Pattern STREET = Pattern.compile(
            "\\b\\d{1,5}[a-zA-Z]?\\s+(?:[A-Z][\\p{L}'-]+\\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|"
                    + "Close|Way|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Crescent|Gardens|Square|Sq|Hill|Row|Walk|Parade|"
                    + "Mews|Park|Grove|Strasse|Straße|gatan|vägen|straat|laan)\\b\\.?");
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b");
    private static final Pattern OLD_AGE = Pattern.compile(
            "(?i)\\b(?:(?<a>\\d{2,3})(?=[- ]?(?:years?|yrs?|y)[- ]?(?:old|o\\b|/o))"
                    + "|(?<=\\baged\\s)(?<b>\\d{2,3})\\b|(?<=\\bage\\s)(?<c>\\d{2,3})\\b|(?<=\\bage:\\s)(?<d>\\d{2,3})\\b"
                    + "|(?<e>\\d{2,3})(?=yo\\b))");

    /** "ninety-two years old", "aged ninety", "a hundred and one year old". */
    private static final Pattern OLD_AGE_WORDS = Pattern.compile(
            "(?i)(?:(?<=\\baged\\s)|(?<=\\bage\\s))?\\b(?:ninety|(?:one|a) hundred(?: and)?)(?:[- ](?:one|two|three|"
                    + "four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                    + "eighteen|nineteen))?\\b(?=[- ]?(?:years?[- ]?old|year-old)|(?<=aged [a-z -]{5,40}))");

    private record Span(int start, int end, String type, String replacement) {
    }

    @Override
    public Redaction redact(String text, PatientIdentifiers ids, int shiftDays) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, Map.of(), shiftDays);
        }
        PatientIdentifiers identifiers = ids == null ? PatientIdentifiers.none() : ids;
        List<Span> spans = new ArrayList<>();
        // Order is priority: an earlier detector's span wins an overlap.
        addMatches(spans, text, EMAIL, "EMAIL");
        for (String email : identifiers.emails()) {
            addLiteral(spans, text, email, "EMAIL");
        }
        String mrnDigits = identifiers.mrn() == null ? null : identifiers.mrn().replaceAll("\\D", "");
        Matcher m = MRN_LABELLED.matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start("id"), m.end("id"), "MRN", null));
        }
        if (identifiers.mrn() != null && !identifiers.mrn().isBlank()) {
            addLiteral(spans, text, identifiers.mrn(), "MRN");
        }
        m = MRN_SHAPE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.equals(mrnDigits) || !isKnownPhone(digits, identifiers)) {
                // any ten-digit identifier in the MRN's shape is treated as one unless it is a known phone number
                if (digits.equals(mrnDigits) || !m.group().startsWith("0")) {
                    spans.add(new Span(m.start(), m.end(), "MRN", null));
                }
            }
        }
        for (String other : identifiers.otherIdentifiers()) {
            addLiteral(spans, text, other, "ID");
        }
        m = OTHER_ID_LABELLED.matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start("id"), m.end("id"), "ID", null));
        }
        addMatches(spans, text, SSN, "ID");
        for (String phone : identifiers.phones()) {
            addDigits(spans, text, phone, "PHONE");
        }
        addMatches(spans, text, PHONE, "PHONE");
        for (String line : identifiers.addressLines()) {
            addLiteral(spans, text, line, "ADDRESS");
            for (String part : line.split("\\s*,\\s*")) {
                if (part.length() >= 4 && part.chars().anyMatch(Character::isLetterOrDigit)) {
                    addLiteral(spans, text, part, "ADDRESS");
                }
            }
        }
        addMatches(spans, text, STREET, "ADDRESS");
        addMatches(spans, text, UK_POSTCODE, "ADDRESS");
        for (DateShifter.Found d : DateShifter.find(text)) {
            if (d.date().equals(identifiers.birthDate())) {
                spans.add(new Span(d.start(), d.end(), "DOB", null));
            } else {
                spans.add(new Span(d.start(), d.end(), "DATE", d.format().apply(d.date().plusDays(shiftDays))));
            }
        }
        m = OLD_AGE.matcher(text);
        while (m.find()) {
            int age = Integer.parseInt(m.group());
            if (age > 89 && age < 130) {
                spans.add(new Span(m.start(), m.end(), "AGE", null));
            }
        }
        addMatches(spans, text, OLD_AGE_WORDS, "AGE");
        for (String name : nameParts(identifiers.names())) {
            addWord(spans, text, name, "NAME");
        }
        return build(text, spans, shiftDays);
    }

    @Override
    public String restore(String answer, Redaction redaction) {
        if (answer == null || answer.isEmpty()) {
            return answer;
        }
        // shift dates back first: the restored originals (the birth date) must not move
        StringBuilder shifted = new StringBuilder();
        int last = 0;
        for (DateShifter.Found d : DateShifter.find(answer)) {
            shifted.append(answer, last, d.start()).append(d.format().apply(d.date().minusDays(redaction.dateShiftDays())));
            last = d.end();
        }
        shifted.append(answer.substring(last));
        Matcher m = PLACEHOLDER.matcher(shifted);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String original = redaction.placeholders().get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(original == null ? m.group() : original));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The names in a transcript's speaker labels, for {@link PatientIdentifiers#names()}: "Dr Smith" → "Smith",
     * "Anna Berg" → "Anna Berg"; role words ("Doctor", "Patient", "Nurse", "Speaker 2") are not names.
     */
    public static List<String> speakerNames(java.util.Collection<String> speakers) {
        Set<String> names = new LinkedHashSet<>();
        for (String speaker : speakers) {
            if (speaker == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String p : speaker.strip().split("\\s+")) {
                if (p.startsWith("[")) {
                    continue; // already a placeholder
                }
                String w = p.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                String lower = w.toLowerCase(Locale.ROOT);
                if (w.length() >= 2 && !TITLES.contains(lower) && !ROLE_WORDS.contains(lower)
                        && !w.startsWith("[") && Character.isUpperCase(w.charAt(0))) {
                    parts.add(w);
                }
            }
            if (!parts.isEmpty()) {
                names.add(String.join(" ", parts));
            }
        }
        return List.copyOf(names);
    }

    private static final Set<String> ROLE_WORDS = Set.copyOf(List.of("doctor", "patient", "nurse", "physician",
            "clinician", "gp", "consultant", "registrar", "resident", "midwife", "paramedic", "speaker", "mother",
            "father", "mum", "mom", "dad", "parent", "wife", "husband", "partner", "son", "daughter", "carer",
            "caregiver", "relative", "interpreter", "unknown", "pt", "np", "pa", "student", "pharmacist", "therapist",
            "friend", "guardian", "sister", "brother"));

    /** Names and their parts (two letters or more), longest first: "Anna Maria Berg", "Anna", "Maria", "Berg". */
    static List<String> nameParts(List<String> names) {
        Set<String> parts = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String n = name.strip().replaceAll("\\s+", " ");
            for (String p : n.split("[\\s,]+")) {
                String part = p.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                if (part.length() >= 2 && !TITLES.contains(part.toLowerCase(Locale.ROOT))) {
                    parts.add(part);
                    if (part.contains("-")) {
                        for (String sub : part.split("-")) {
                            if (sub.length() >= 2) {
                                parts.add(sub);
                            }
                        }
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static final Set<String> TITLES = Set.copyOf(java.util.List.of("dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame",
            "doctor", "nurse", "patient", "jr", "sr", "ii", "iii"));

    private static boolean isKnownPhone(String digits, PatientIdentifiers ids) {
        return ids.phones().stream().anyMatch(p -> p.replaceAll("\\D", "").endsWith(digits)
                || digits.endsWith(p.replaceAll("\\D", "")));
    }

    private static void addMatches(List<Span> spans, String text, Pattern p, String type) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), type, null));
        }
    }

    /** A literal, case-insensitive, whitespace-flexible, on word boundaries. */
    private static void addLiteral(List<Span> spans, String text, String literal, String type) {
        if (literal == null || literal.isBlank()) {
            return;
        }
        StringBuilder regex = new StringBuilder();
        for (String piece : literal.strip().split("\\s+")) {
            regex.append(regex.isEmpty() ? "" : "[\\s,]+").append(Pattern.quote(piece));
        }
        addMatches(spans, text, Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), type);
    }

    /** A number (phone) by its digits, however it is grouped; a leading country code or trunk 0 may differ. */
    private static void addDigits(List<Span> spans, String text, String number, String type) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        if (digits.length() < 6) {
            addLiteral(spans, text, number, type);
            return;
        }
        String core = digits.substring(Math.max(0, digits.length() - 9)); // the subscriber part, without prefixes
        StringBuilder regex = new StringBuilder("(?<![\\d])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(0\\)[\\s.-]?)?(?:\\(?0?\\)?[\\s.-]?)?");
        for (int i = 0; i < core.length(); i++) {
            regex.append(i == 0 ? "" : "[\\s.()-]{0,2}").append(core.charAt(i));
        }
        regex.append("(?!\\d)");
        addMatches(spans, text, Pattern.compile(regex.toString()), type);
    }

    private static void addWord(List<Span> spans, String text, String word, String type) {
        addMatches(spans, text, Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), type);
    }

    private static Redaction build(String text, List<Span> spans, int shiftDays) {
        // keep the first-added span of overlapping ones (detector priority), then the longest
        List<Span> kept = new ArrayList<>();
        for (Span s : spans) {
            if (s.start() >= s.end()) {
                continue;
            }
            boolean clash = false;
            for (int i = 0; i < kept.size(); i++) {
                Span k = kept.get(i);
                if (k.start() < s.end() && s.start() < k.end()) {
                    if (k.type().equals(s.type()) && s.end() - s.start() > k.end() - k.start()
                            && s.start() <= k.start() && s.end() >= k.end()) {
                        kept.set(i, s); // the same kind, longer: e.g. a whole address line over its street
                    }
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(s);
            }
        }
        // a longer span may now overlap another kept one: drop the later duplicates
        kept.sort(Comparator.comparingInt(Span::start));
        List<Span> ordered = new ArrayList<>();
        for (Span s : kept) {
            if (ordered.isEmpty() || ordered.get(ordered.size() - 1).end() <= s.start()) {
                ordered.add(s);
            }
        }
        Map<String, String> byOriginal = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Span s : ordered) {
            out.append(text, last, s.start());
            String original = text.substring(s.start(), s.end());
            if (s.replacement() != null) {
                out.append(s.replacement());
            } else {
                String key = s.type() + "\u0000" + original;
                String placeholder = byOriginal.computeIfAbsent(key, k -> {
                    int n = counters.merge(s.type(), 1, Integer::sum);
                    return "[" + s.type() + "_" + n + "]";
                });
                placeholders.put(placeholder, original);
                out.append(placeholder);
            }
            last = s.end();
        }
        out.append(text.substring(last));
        return new Redaction(out.toString(), placeholders, shiftDays);
    }
}
