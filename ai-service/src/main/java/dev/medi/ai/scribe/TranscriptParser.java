package dev.medi.ai.scribe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a clinician pastes or a speech-to-text service sends into a {@link Transcript}: one segment per speaker
 * turn, with ids "s1", "s2", … in order. Two inputs:
 * <ul>
 *   <li>plain text with speaker labels ("Doctor: …", "Patient: …", "Dr Smith: …"), each turn optionally prefixed by
 *   a time ("[00:01:23]", "00:01:23", "[1:23]"); lines without a label continue the previous turn;</li>
 *   <li>a list of {@link RawSegment}s (speaker, text, start) as a speech-to-text service returns them.</li>
 * </ul>
 * Bad input is answered with an {@link IllegalArgumentException} whose message is safe to show the user (it never
 * quotes the transcript).
 */
public final class TranscriptParser {

    /** One turn as a client sends it; {@code start} may be null. */
    public record RawSegment(String speaker, String text, Duration start) {

        /** With the start as text: "00:01:23", "1:23", "83" (seconds), "83.5" or ISO-8601 "PT1M23S"; blank is none. */
        public static RawSegment of(String speaker, String text, String start) {
            return new RawSegment(speaker, text, parseTime(start));
        }
    }

    private static final String TIME = "(?:\\d{1,2}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?";
    /** An optional time, then a label of up to five words and a colon, then the turn's text. */
    private static final Pattern TURN = Pattern.compile(
            "^\\s*(?:[\\[(]\\s*(?<t1>" + TIME + ")\\s*[\\])]|(?<t2>" + TIME + "))?\\s*[-–—]?\\s*"
                    + "(?<label>[\\p{L}\\[][\\p{L}\\p{N}_.'’\\[\\]-]*(?:\\s+[\\p{L}\\p{N}_.'’\\[\\]()-]+){0,4}?)"
                    + "\\s*(?:[\\[(]\\s*(?<t3>" + TIME + ")\\s*[\\])])?\\s*:(?:\\s+|$)(?<text>.*)$");
    private static final Pattern TIME_ONLY = Pattern.compile(
            "^\\s*(?:[\\[(]\\s*(?<t1>" + TIME + ")\\s*[\\])]|(?<t2>" + TIME + "))\\s*[-–—]?\\s*(?<text>.*)$");

    /** Speaker words that are always labels, whatever the rest of the transcript looks like. */
    private static final Set<String> ROLE_WORDS = Set.copyOf(java.util.List.of("doctor", "dr", "dr.", "patient", "pt", "nurse", "physician",
            "clinician", "gp", "consultant", "registrar", "resident", "midwife", "paramedic", "np", "pa", "mother",
            "father", "mum", "mom", "dad", "parent", "wife", "husband", "partner", "son", "daughter", "carer",
            "caregiver", "relative", "interpreter", "speaker", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof",
            "prof.", "professor", "sister", "brother", "friend", "guardian", "student", "pharmacist", "therapist"));
    /** Words that start a "Word: value" line inside a turn rather than a speaker's turn, unless seen as speakers. */
    private static final Set<String> NOT_LABELS = Set.copyOf(java.util.List.of("bp", "hr", "rr", "temp", "temperature", "pulse", "spo2",
            "sats", "o2", "weight", "height", "bmi", "note", "notes", "plan", "assessment", "impression", "diagnosis",
            "history", "exam", "examination", "allergies", "medications", "meds", "dose", "time", "date", "re",
            "subject", "ps", "nb", "e.g", "i.e", "eg", "ie", "question", "answer", "q", "a", "and", "but", "so", "because",
            "said", "says", "like", "then", "also", "well"));

    private TranscriptParser() {
    }

    /** Parses a labelled plain-text transcript. */
    public static Transcript parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The transcript is empty.");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        // Labels that occur at the start of two or more lines are speakers even when they are not role words.
        Map<String, Integer> labelCounts = new HashMap<>();
        for (String line : lines) {
            Matcher m = TURN.matcher(line);
            if (m.matches()) {
                labelCounts.merge(normaliseLabel(m.group("label")).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<RawSegment> turns = new ArrayList<>();
        String speaker = null;
        Duration start = null;
        StringBuilder current = new StringBuilder();
        boolean sawLabel = false;
        for (String line : lines) {
            Matcher m = TURN.matcher(line);
            if (m.matches() && isSpeakerLabel(normaliseLabel(m.group("label")), labelCounts)) {
                if (speaker != null || !current.isEmpty()) {
                    turns.add(new RawSegment(speaker == null ? "Unknown" : speaker, current.toString(), start));
                }
                sawLabel = true;
                speaker = normaliseLabel(m.group("label"));
                start = parseTime(firstNonNull(m.group("t1"), m.group("t2"), m.group("t3")));
                current = new StringBuilder(m.group("text").strip());
                continue;
            }
            String content = line.strip();
            Matcher t = TIME_ONLY.matcher(line);
            if (t.matches() && current.isEmpty() && start == null) {
                start = parseTime(firstNonNull(t.group("t1"), t.group("t2")));
                content = t.group("text").strip();
            }
            if (!content.isEmpty()) {
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(content);
            }
        }
        if (speaker != null || !current.isEmpty()) {
            turns.add(new RawSegment(speaker == null ? "Unknown" : speaker, current.toString(), start));
        }
        if (!sawLabel) {
            throw new IllegalArgumentException(
                    "The transcript has no speaker labels: start each turn on its own line with the speaker and a colon, e.g. \"Doctor: …\" or \"Patient: …\".");
        }
        return fromSegments(turns);
    }

    /** Builds a transcript from segments; blank segments are skipped, ids are given in order. */
    public static Transcript fromSegments(List<RawSegment> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("The transcript has no segments.");
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        int index = 0;
        for (RawSegment r : raw) {
            index++;
            if (r == null || r.text() == null || r.text().isBlank()) {
                continue;
            }
            String speaker = r.speaker() == null || r.speaker().isBlank() ? null : normaliseLabel(r.speaker());
            if (speaker == null) {
                throw new IllegalArgumentException("Segment " + index + " has no speaker.");
            }
            if (r.start() != null && r.start().isNegative()) {
                throw new IllegalArgumentException("Segment " + index + " starts at a negative time.");
            }
            String text = r.text().strip().replaceAll("\\s+", " ");
            segments.add(new TranscriptSegment("s" + (segments.size() + 1), speaker, text, r.start()));
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("The transcript has no segments with text.");
        }
        return new Transcript(segments);
    }

    /** "00:01:23", "1:23", "01:02:03.5", "83", "83.5" or ISO-8601 "PT1M23S" → duration; null or blank → null. */
    public static Duration parseTime(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        String t = time.strip();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            String[] parts = t.replace(',', '.').split(":");
            if (parts.length > 3) {
                throw new IllegalArgumentException();
            }
            double seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "A segment's start time is not a time: use hh:mm:ss, mm:ss, seconds or ISO-8601 (PT1M23S).");
        }
    }

    private static boolean isSpeakerLabel(String label, Map<String, Integer> counts) {
        String lower = label.toLowerCase(Locale.ROOT);
        String first = lower.split("\\s+")[0];
        if (first.startsWith("[") && lower.matches("\\[[a-z]+_\\d+\\].*")) {
            return true; // a redacted name
        }
        if (ROLE_WORDS.contains(first) || ROLE_WORDS.contains(first.replace(".", ""))) {
            return true;
        }
        if (NOT_LABELS.contains(first) || !Character.isUpperCase(label.codePointAt(0))) {
            return false;
        }
        if (label.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        // A capitalised name ("John", "Anna Berg") is a speaker when it labels two or more turns.
        return counts.getOrDefault(lower, 0) >= 2;
    }

    private static String normaliseLabel(String label) {
        return label.strip().replaceAll("\\s+", " ");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
