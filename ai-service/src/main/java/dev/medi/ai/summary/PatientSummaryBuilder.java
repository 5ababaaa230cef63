package dev.medi.ai.summary;

import dev.medi.ai.summary.PatientSummary.Citation;
import dev.medi.ai.summary.PatientSummary.Section;
import dev.medi.ai.summary.PatientSummary.Statement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds a {@link PatientSummary} from what patient-service answers (history items and signed notes, as JSON):
 * deterministic and extractive — every statement is made of the record's own words and values and cites the items it
 * comes from. No model is involved, so nothing leaves the clinic and nothing is invented.
 */
public final class PatientSummaryBuilder {

    static final int MAX_ENCOUNTERS = 5;
    static final int MAX_ABNORMAL = 8;
    static final int MAX_NOTES = 3;
    static final int MAX_PROBLEMS = 6;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** patient-service's interpretation codes (HL7 v3 ObservationInterpretation) that are outside the normal range. */
    private static final Map<String, String> FLAGS = Map.of("LL", "critical low", "L", "low", "H", "high",
            "HH", "critical high", "AA", "critical abnormal");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

    private PatientSummaryBuilder() {
    }

    /**
     * @param history     patient-service's history items, newest first ({@code kind}, {@code id}, {@code at}, {@code detail})
     * @param signedNotes the latest signed notes in full, newest first (NoteView JSON)
     */
    public static PatientSummary build(UUID patientId, List<JsonObject> history, List<JsonObject> signedNotes, Instant now) {
        List<Statement> statements = new ArrayList<>();
        statements.addAll(problems(signedNotes));
        statements.addAll(encounters(history));
        statements.addAll(abnormalVitals(history));
        statements.addAll(notes(signedNotes));
        return new PatientSummary(patientId, now, "offline", statements);
    }

    /** Each distinct assessment sentence of the signed notes, newest first, citing every note that says it. */
    static List<Statement> problems(List<JsonObject> signedNotes) {
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, List<Citation>> cited = new LinkedHashMap<>();
        for (JsonObject note : signedNotes) {
            String assessment = note.getString("assessment");
            if (assessment == null || assessment.isBlank()) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(assessment.strip())) {
                String clean = sentence.strip().replaceAll("[;]$", ".");
                if (clean.length() < 3) {
                    continue;
                }
                String key = clean.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
                text.putIfAbsent(key, clean);
                cited.computeIfAbsent(key, k -> new ArrayList<>()).add(noteCitation(note));
            }
        }
        return text.entrySet().stream().limit(MAX_PROBLEMS)
                .map(e -> new Statement(Section.PROBLEMS, e.getValue(), cited.get(e.getKey()))).toList();
    }

    static List<Statement> encounters(List<JsonObject> history) {
        return history.stream().filter(item -> "encounter".equals(item.getString("kind"))).limit(MAX_ENCOUNTERS)
                .map(item -> {
                    JsonObject encounter = item.getJsonObject("detail", new JsonObject());
                    StringBuilder line = new StringBuilder(day(item.getString("at")));
                    String reason = encounter.getString("reason");
                    line.append(reason == null || reason.isBlank() ? ": visit" : ": " + reason.strip());
                    String outcome = encounter.getString("outcome");
                    String status = encounter.getString("status");
                    if (outcome != null && !outcome.isBlank()) {
                        line.append(" — ").append(outcome.replace('-', ' '));
                    } else if (status != null) {
                        line.append(" — ").append(status.replace('-', ' '));
                    }
                    return new Statement(Section.ENCOUNTERS, line.append('.').toString(),
                            List.of(citation("encounter", item.getString("id"), item.getString("at"))));
                }).toList();
    }

    /** Observations flagged outside their normal range by patient-service (its interpretation), newest first. */
    static List<Statement> abnormalVitals(List<JsonObject> history) {
        List<Statement> found = new ArrayList<>();
        for (JsonObject item : history) {
            if (!"vitals".equals(item.getString("kind"))) {
                continue;
            }
            JsonArray observations = item.getJsonObject("detail", new JsonObject()).getJsonArray("observations", new JsonArray());
            for (int i = 0; i < observations.size() && found.size() < MAX_ABNORMAL; i++) {
                JsonObject observation = observations.getJsonObject(i);
                String interpretation = observation.getString("interpretation");
                String flag = interpretation == null ? null : FLAGS.get(interpretation);
                if (flag == null) {
                    continue; // normal, or not interpreted
                }
                String value = observation.getValue("value") != null ? String.valueOf(observation.getValue("value"))
                        : observation.getString("valueCode", "");
                String unit = observation.getString("unit");
                String at = observation.getString("effectiveAt", item.getString("at"));
                String text = "%s %s%s (%s) on %s.".formatted(observation.getString("display", observation.getString("code")),
                        value, unit == null || unit.isBlank() ? "" : " " + unit, flag, day(at));
                found.add(new Statement(Section.ABNORMAL_VITALS, text,
                        List.of(citation("observation", observation.getString("id"), at))));
            }
        }
        return found;
    }

    static List<Statement> notes(List<JsonObject> signedNotes) {
        return signedNotes.stream().limit(MAX_NOTES).map(note -> {
            StringBuilder line = new StringBuilder("Signed by ").append(note.getString("signedBy", "—"))
                    .append(" on ").append(day(note.getString("signedAt"))).append('.');
            String plan = note.getString("plan");
            if (plan != null && !plan.isBlank()) {
                line.append(" Plan: ").append(plan.strip());
            }
            return new Statement(Section.SIGNED_NOTES, line.toString(), List.of(noteCitation(note)));
        }).toList();
    }

    private static Citation noteCitation(JsonObject note) {
        return citation("note", note.getString("id"), note.getString("signedAt", note.getString("createdAt")));
    }

    private static Citation citation(String kind, String id, String at) {
        return new Citation(kind, UUID.fromString(id), at == null ? null : Instant.parse(at));
    }

    private static String day(String instant) {
        return instant == null ? "undated" : DAY.format(Instant.parse(instant));
    }
}
