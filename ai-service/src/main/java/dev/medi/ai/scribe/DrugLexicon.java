package dev.medi.ai.scribe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drug names from {@code lexicon/drugs.txt} (generic and brand names, synonyms on one line), plus the generic-name
 * stems of common drug classes ("-cillin", "-pril", "-sartan", …) for drugs the list lacks.
 */
public final class DrugLexicon {

    private static final DrugLexicon DEFAULT = load("/lexicon/drugs.txt");

    /** Stems that end only drug names. */
    private static final Pattern CLASS_STEM = Pattern.compile(
            "\\b[a-z]{2,}(?:cillin|cycline|mycin|floxacin|conazole|prazole|tidine|pril|sartan|olol|dipine|statin|"
                    + "gliptin|gliflozin|glutide|parin|xaban|gatran|triptan|setron|lukast|oxetine|triptyline|azepam|"
                    + "azolam|sone|olone|mab|tinib|vudine|navir|ciclovir|cyclovir|semide|thiazide|profen|coxib)\\b");

    private final Map<String, String> canonical; // any name (lower case) → the line's first name
    private final Pattern names;

    private DrugLexicon(Map<String, String> canonical) {
        this.canonical = canonical;
        List<String> all = new ArrayList<>(canonical.keySet());
        all.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String n : all) {
            alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(n));
        }
        this.names = Pattern.compile("(?<![\\p{L}-])(?:" + alt + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    }

    /** The lexicon shipped with the service. */
    public static DrugLexicon standard() {
        return DEFAULT;
    }

    static DrugLexicon load(String resource) {
        Map<String, String> canonical = new HashMap<>();
        try (InputStream in = DrugLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("drug lexicon missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                String first = parts[0].strip().toLowerCase(Locale.ROOT);
                for (String p : parts) {
                    String name = p.strip().toLowerCase(Locale.ROOT);
                    if (!name.isEmpty()) {
                        canonical.putIfAbsent(name, first);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DrugLexicon(canonical);
    }

    public int size() {
        return canonical.size();
    }

    /** The drugs a text names, each as its canonical (first-listed) name; unknown class-stem names as written. */
    public Set<String> drugsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        String lower = ClinicalText.withoutPlaceholders(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        Matcher m = names.matcher(lower);
        StringBuilder rest = new StringBuilder(lower);
        while (m.find()) {
            out.add(canonical.get(m.group()));
            for (int i = m.start(); i < m.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher stem = CLASS_STEM.matcher(rest);
        while (stem.find()) {
            out.add(canonical.getOrDefault(stem.group(), stem.group()));
        }
        return out;
    }

    /** Whether the text names any drug. */
    public boolean mentionsDrug(String text) {
        return !drugsIn(text).isEmpty();
    }
}
