package dev.medi.ai.engine.gemini;

import dev.medi.ai.client.GeminiClient;
import dev.medi.ai.client.StandInGeminiConfig;
import dev.medi.ai.client.VertexAiStandIn;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.redaction.PhiRedactor;
import dev.medi.ai.redaction.Redaction;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;
import dev.medi.ai.triage.TriageQuestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's redaction proof: a seeded record and a transcript full of identifiers go through the PHI redactor and
 * the gemini engine (the real LangChain4j Vertex client); the request bodies the Vertex AI stand-in received contain
 * none of the identifiers, while the clinical content and the placeholders do arrive.
 */
class GeminiRedactionTest {

    static final PatientIdentifiers RECORD = new PatientIdentifiers(
            List.of("Margaret Okonkwo-Bell", "Dr Henrik Lindqvist"), "4821-5573-09", LocalDate.of(1932, 3, 14),
            List.of("+44 20 7946 0958"), List.of("m.okonkwo.bell@example.org"),
            List.of("17 Larkspur Crescent", "Bristol BS8 4TQ"), List.of("NHS 943 476 5919"));

    /** Every string that must never reach the model. */
    static final List<String> IDENTIFIERS = List.of("Margaret", "Okonkwo", "Bell", "Henrik", "Lindqvist",
            "4821-5573-09", "4821557309", "7946 0958", "m.okonkwo.bell", "example.org", "Larkspur", "BS8 4TQ",
            "943 476 5919", "14/03/1932", "1932", "2 May 2026", "93");

    VertexAiStandIn standIn;
    GeminiEngine engine;
    final PhiRedactor redactor = new PhiRedactor();

    @BeforeEach
    void start() throws IOException {
        standIn = new VertexAiStandIn();
        engine = new GeminiEngine(GeminiClient.unguarded(new StandInGeminiConfig(standIn.endpoint(), Duration.ofSeconds(2))));
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void noIdentifierReachesTheModel() {
        List<TranscriptSegment> raw = List.of(
                new TranscriptSegment("s1", "Dr Henrik Lindqvist", "Good morning Mrs Okonkwo-Bell, can you confirm your date of birth?", null),
                new TranscriptSegment("s2", "Margaret Okonkwo-Bell", "14/03/1932. I'm 93 years old and I live at 17 Larkspur Crescent, Bristol BS8 4TQ.", null),
                new TranscriptSegment("s3", "Dr Henrik Lindqvist", "Your MRN is 4821-5573-09 and NHS number 943 476 5919, right?", null),
                new TranscriptSegment("s4", "Margaret Okonkwo-Bell", "Yes. Call me on +44 20 7946 0958 or m.okonkwo.bell@example.org. The chest pain started on 2 May 2026.", null),
                new TranscriptSegment("s5", "Dr Henrik Lindqvist", "We'll do an ECG and give aspirin 300 mg.", null));
        int shift = 23;
        List<TranscriptSegment> redacted = new ArrayList<>();
        for (TranscriptSegment segment : raw) {
            redacted.add(new TranscriptSegment(segment.id(), redactor.redact(segment.speaker(), RECORD, shift).text(),
                    redactor.redact(segment.text(), RECORD, shift).text(), segment.start()));
        }
        Redaction complaint = redactor.redact("Margaret Okonkwo-Bell, 93 years old, chest pain since 2 May 2026", RECORD, shift);
        standIn.then(VertexAiStandIn.ok("{\"sentences\":[{\"section\":\"PLAN\",\"text\":\"ECG; aspirin 300 mg.\",\"cites\":[\"s5\"]}]}", 10, 5),
                VertexAiStandIn.ok("{\"level\":2,\"rationale\":\"chest pain\",\"highRiskPresentations\":[],\"expectedResources\":2}", 10, 5));

        ScribeDraft draft = engine.draftNote(new Transcript(redacted));
        engine.adviseTriage(new TriageQuestion(complaint.text(), 93));

        assertEquals("gemini", draft.engine().engine());
        assertEquals(2, standIn.requests().size());
        for (VertexAiStandIn.Recorded request : standIn.requests()) {
            String body = request.body().toLowerCase(Locale.ROOT);
            for (String identifier : IDENTIFIERS) {
                assertFalse(body.contains(identifier.toLowerCase(Locale.ROOT)),
                        () -> "an identifier reached the model endpoint: " + identifier);
            }
        }
        String scribeBody = standIn.requests().get(0).body();
        assertTrue(scribeBody.contains("aspirin 300 mg"), "the clinical content is sent");
        assertTrue(scribeBody.contains("[NAME_"), "names leave as placeholders");
        assertTrue(scribeBody.contains("[MRN_"), "the MRN leaves as a placeholder");
        assertTrue(standIn.requests().get(1).body().contains("\\\"ageYears\\\":90"), "ages over 89 leave as 90");
    }
}
