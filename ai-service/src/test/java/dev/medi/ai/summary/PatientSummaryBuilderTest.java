package dev.medi.ai.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.medi.ai.summary.PatientSummary.Section;
import dev.medi.ai.summary.PatientSummary.Statement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientSummaryBuilderTest {

    static final UUID PATIENT = UUID.fromString("0193a000-0000-7000-8000-00000000aaaa");
    static final String NOTE_NEW = "0193a000-0000-7000-8000-0000000000n2";
    static final String NOTE_OLD = "0193a000-0000-7000-8000-0000000000n1";

    static JsonObject note(String id, String signedAt, String assessment, String plan) {
        return new JsonObject().put("id", id.replace("n", "0")).put("status", "signed").put("signedBy", "doctor")
                .put("signedAt", signedAt).put("assessment", assessment).put("plan", plan);
    }

    static List<JsonObject> history() {
        return List.of(
                new JsonObject().put("kind", "vitals").put("id", "0193a000-0000-7000-8000-0000000000b1").put("at", "2026-03-12T14:02:00Z")
                        .put("detail", new JsonObject().put("observations", new JsonArray()
                                .add(new JsonObject().put("id", "0193a000-0000-7000-8000-0000000000c1").put("display", "SpO₂")
                                        .put("value", 88).put("unit", "%").put("interpretation", "LL").put("effectiveAt", "2026-03-12T14:02:00Z"))
                                .add(new JsonObject().put("id", "0193a000-0000-7000-8000-0000000000c2").put("display", "Heart rate")
                                        .put("value", 80).put("unit", "/min").put("interpretation", "N").put("effectiveAt", "2026-03-12T14:02:00Z")))),
                new JsonObject().put("kind", "encounter").put("id", "0193a000-0000-7000-8000-0000000000e1").put("at", "2026-03-12T13:40:00Z")
                        .put("detail", new JsonObject().put("reason", "short of breath").put("status", "finished").put("outcome", "admitted")),
                new JsonObject().put("kind", "document").put("id", "0193a000-0000-7000-8000-0000000000d1").put("at", "2026-03-01T09:00:00Z"));
    }

    @Test
    void everyStatementCitesTheItemsItComesFrom() {
        List<JsonObject> notes = List.of(
                note(NOTE_NEW, "2026-03-12T15:00:00Z", "Community-acquired pneumonia. Type 2 diabetes.", "Amoxicillin 500 mg three times daily."),
                note(NOTE_OLD, "2026-01-05T10:00:00Z", "Type 2 diabetes; hypertension.", "Review in three months."));
        PatientSummary summary = PatientSummaryBuilder.build(PATIENT, history(), notes, Instant.parse("2026-03-13T08:00:00Z"));

        List<Statement> problems = summary.statements().stream().filter(s -> s.section() == Section.PROBLEMS).toList();
        assertEquals(List.of("Community-acquired pneumonia.", "Type 2 diabetes.", "hypertension."),
                problems.stream().map(Statement::text).toList());
        // a problem both notes state cites both
        assertEquals(2, problems.get(1).citations().size());
        assertTrue(summary.statements().stream().allMatch(s -> !s.citations().isEmpty()), "a statement without a citation");

        Statement vitals = summary.statements().stream().filter(s -> s.section() == Section.ABNORMAL_VITALS).findFirst().orElseThrow();
        assertEquals("SpO₂ 88 % (critical low) on 12 Mar 2026.", vitals.text());
        assertEquals("observation", vitals.citations().get(0).kind());
        assertEquals(1, summary.statements().stream().filter(s -> s.section() == Section.ABNORMAL_VITALS).count(),
                "a normal heart rate is not abnormal");

        Statement encounter = summary.statements().stream().filter(s -> s.section() == Section.ENCOUNTERS).findFirst().orElseThrow();
        assertEquals("12 Mar 2026: short of breath — admitted.", encounter.text());
        Statement latest = summary.statements().stream().filter(s -> s.section() == Section.SIGNED_NOTES).findFirst().orElseThrow();
        assertTrue(latest.text().contains("Amoxicillin 500 mg three times daily."), latest.text());
    }

    @Test
    void anEmptyRecordHasAnEmptySummary() {
        PatientSummary summary = PatientSummaryBuilder.build(PATIENT, List.of(), List.of(), Instant.now());
        assertTrue(summary.statements().isEmpty());
    }
}
