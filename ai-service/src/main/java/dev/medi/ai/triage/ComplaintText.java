package dev.medi.ai.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A chief complaint as the triage rules read it: lower case, accents and apostrophes removed ("can't" → "cant"),
 * hyphens as spaces ("one-sided" → "one sided"), split into words and clause breaks. A clause break is punctuation
 * (. , ; : ! ? brackets, a new line) or a word that turns the sentence ("but", "however", ...): a phrase never spans
 * one, and a negation never reaches across one ("no fever, cough" negates only the fever;
 * "denies chest pain but short of breath" only the chest pain).
 *
 * <p>Negation after NegEx (Chapman et al. 2001), simplified: a phrase is negated when a negation cue ("no",
 * "denies", "without", "negative for", ...) stands at most {@value #NEGATION_WINDOW} words before it in the same
 * clause.
 */
final class ComplaintText {

    /** Words between a negation cue and the phrase it negates, at most. */
    static final int NEGATION_WINDOW = 5;

    /** Marks a clause break among the words. */
    static final String BREAK = "|";

    /**
     * Words that negate what follows. Not "never" ("never had chest pain like this" has chest pain) nor "non"
     * ("non radiating chest pain" has chest pain).
     */
    private static final Set<String> NEGATION_CUES = Set.of("no", "not", "denies", "denied", "deny", "denying",
            "without", "nor", "neither", "negative", "absence", "free");
    private static final Set<String> CLAUSE_TURNS = Set.of("but", "however", "although", "though", "except",
            "yet", "whereas", "apart");

    private final List<String> words;

    private ComplaintText(List<String> words) {
        this.words = words;
    }

    static ComplaintText of(String complaint) {
        String text = Normalizer.normalize(complaint == null ? "" : complaint, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’`´]", "")
                .replace('-', ' ')
                .replace('_', ' ');
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/') {
                word.append(c);
                continue;
            }
            flush(word, words);
            if (".,;:!?()[]{}\n\r".indexOf(c) >= 0) {
                addBreak(words);
            }
        }
        flush(word, words);
        return new ComplaintText(List.copyOf(words));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (CLAUSE_TURNS.contains(w)) {
            addBreak(words);
        } else {
            words.add(w);
        }
    }

    private static void addBreak(List<String> words) {
        if (!words.isEmpty() && !BREAK.equals(words.get(words.size() - 1))) {
            words.add(BREAK);
        }
    }

    /** The words and breaks, for tests. */
    List<String> words() {
        return words;
    }

    /** Whether there is any word at all (a complaint of only punctuation has none). */
    boolean isEmpty() {
        return words.stream().noneMatch(w -> !BREAK.equals(w));
    }

    /**
     * Where {@code phrase} occurs: the start of every occurrence within one clause. A phrase is words separated by
     * single spaces; {@code *} stands for any one word, {@code word*} for a word starting with "word".
     */
    List<Integer> find(String[] phrase) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + phrase.length <= words.size(); start++) {
            if (matchesAt(phrase, start)) {
                starts.add(start);
            }
        }
        return starts;
    }

    private boolean matchesAt(String[] phrase, int start) {
        for (int i = 0; i < phrase.length; i++) {
            String word = words.get(start + i);
            if (BREAK.equals(word) || !matches(phrase[i], word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(String pattern, String word) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return word.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(word);
    }

    /** Whether a negation cue precedes the word at {@code start} within its clause and the window. */
    boolean negatedAt(int start) {
        for (int i = start - 1; i >= 0 && i >= start - NEGATION_WINDOW; i--) {
            String word = words.get(i);
            if (BREAK.equals(word)) {
                return false;
            }
            if (NEGATION_CUES.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
