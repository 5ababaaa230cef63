package dev.medi.ai.engine.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.medi.ai.client.GeminiClient;
import dev.medi.ai.client.StandInGeminiConfig;
import dev.medi.ai.client.VertexAiStandIn;
import dev.medi.ai.engine.EngineFailure;
import dev.medi.ai.engine.EngineFailure.Reason;
import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.engine.TransientEngineFailure;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageQuestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gemini engine with the real LangChain4j Vertex AI client, against a local stand-in of the Vertex AI REST API:
 * the exact request it sends, how it reads answers, and how each failure is classified (one call, no fault
 * tolerance: that is {@code EngineRouterGeminiTest}).
 */
class GeminiEngineTest {

    static final String GOLDEN_PATH =
            "/v1/projects/medi-test/locations/europe-west1/publishers/google/models/gemini-2.5-flash:generateContent";
    static final ObjectMapper JSON = new ObjectMapper();

    static VertexAiStandIn standIn;
    static GeminiEngine engine;

    static final Transcript TRANSCRIPT = new Transcript(List.of(
            new TranscriptSegment("s1", "Doctor", "What brings you in today?", Duration.ZERO),
            new TranscriptSegment("s2", "Patient", "Chest pain since this morning, I took aspirin 300 mg.", Duration.ofSeconds(4)),
            new TranscriptSegment("s3", "Patient", "No shortness of breath.", null),
            new TranscriptSegment("s4", "Doctor", "We will do an ECG and troponin now.", null)));

    static final String DRAFT = """
            {"sentences":[
              {"section":"SUBJECTIVE","text":"Chest pain since this morning; took aspirin 300 mg.","cites":["s2"]},
              {"section":"subjective","text":"Denies shortness of breath.","cites":["s3"]},
              {"section":"PLAN","text":"ECG and troponin now.","cites":["s4"]}]}""";

    @BeforeAll
    static void start() throws IOException {
        standIn = new VertexAiStandIn();
        engine = new GeminiEngine(GeminiClient.unguarded(new StandInGeminiConfig(standIn.endpoint(), Duration.ofSeconds(2))));
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @BeforeEach
    void reset() {
        standIn.reset();
    }

    @Test
    void goldenScribeRequest() throws Exception {
        standIn.then(VertexAiStandIn.ok(DRAFT, 321, 45));

        engine.draftNote(TRANSCRIPT);

        assertEquals(1, standIn.requests().size());
        VertexAiStandIn.Recorded request = standIn.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(GOLDEN_PATH, request.path());
        assertEquals("$alt=json;enum-encoding=int", request.query());
        assertNull(request.authorization(), "no token goes to a stand-in");
        // gax's REST transport writes protobuf enums as numbers and asks for that encoding in the query
        // ($alt=json;enum-encoding=int): OBJECT=6, ARRAY=5, STRING=1, INTEGER=3; function calling mode AUTO=1.
        // The model is named by the path, not the body.
        JsonNode expected = JSON.readTree("""
                {
                  "contents": [{"role": "user", "parts": [{"text": %s}]}],
                  "systemInstruction": {"parts": [{"text": %s}]},
                  "generationConfig": {
                    "temperature": 0.0,
                    "candidateCount": 1,
                    "maxOutputTokens": 4096,
                    "responseMimeType": "application/json",
                    "responseSchema": {
                      "type": 6,
                      "properties": {
                        "sentences": {"type": 5, "items": {"type": 6,
                          "properties": {
                            "section": {"type": 1, "enum": ["SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"]},
                            "text": {"type": 1},
                            "cites": {"type": 5, "items": {"type": 1}}},
                          "required": ["section", "text", "cites"]}}},
                      "required": ["sentences"]}
                  },
                  "toolConfig": {"functionCallingConfig": {"mode": 1}}
                }""".formatted(JSON.writeValueAsString(
                        "[{\"id\":\"s1\",\"speaker\":\"Doctor\",\"text\":\"What brings you in today?\"},"
                        + "{\"id\":\"s2\",\"speaker\":\"Patient\",\"text\":\"Chest pain since this morning, I took aspirin 300 mg.\"},"
                        + "{\"id\":\"s3\",\"speaker\":\"Patient\",\"text\":\"No shortness of breath.\"},"
                        + "{\"id\":\"s4\",\"speaker\":\"Doctor\",\"text\":\"We will do an ECG and troponin now.\"}]"),
                JSON.writeValueAsString(PromptTemplate.load("scribe-v1").text())));
        assertEquals(expected, JSON.readTree(request.body()), () -> "sent: " + request.body());
    }

    @Test
    void draftsCitedSentencesWithTokenUsage() {
        standIn.then(VertexAiStandIn.ok(DRAFT, 321, 45));

        ScribeDraft draft = engine.draftNote(TRANSCRIPT);

        assertEquals(List.of(
                new DraftSentence(SoapSection.SUBJECTIVE, "Chest pain since this morning; took aspirin 300 mg.", List.of("s2")),
                new DraftSentence(SoapSection.SUBJECTIVE, "Denies shortness of breath.", List.of("s3")),
                new DraftSentence(SoapSection.PLAN, "ECG and troponin now.", List.of("s4"))), draft.sentences());
        assertEquals(new EngineInfo("gemini", "gemini-2.5-flash", 321, 45, null), draft.engine());
    }

    @Test
    void triageRequestAndAnswer() throws Exception {
        standIn.then(VertexAiStandIn.ok("""
                {"level":2,"rationale":"Chest pain at 93 years: possible ACS.","highRiskPresentations":["possible acute coronary syndrome"],
                 "expectedResources":3,"resources":["ECG","labs (troponin)"]}""", 150, 30));

        TriageAdvice advice = engine.adviseTriage(new TriageQuestion("chest pain radiating to the left arm", 93));

        assertEquals(2, advice.suggestedLevel());
        assertEquals(List.of("possible acute coronary syndrome"), advice.highRiskPresentations());
        assertEquals(3, advice.expectedResources());
        assertEquals(List.of("ECG", "labs (troponin)"), advice.resources());
        assertEquals(new EngineInfo("gemini", "gemini-2.5-flash", 150, 30, null), advice.engine());
        JsonNode sent = JSON.readTree(standIn.requests().get(0).body());
        assertEquals("{\"chiefComplaint\":\"chest pain radiating to the left arm\",\"ageYears\":90}",
                sent.at("/contents/0/parts/0/text").asText(), "ages over 89 leave as 90");
        assertEquals(JSON.readTree("""
                {"type":6,"properties":{"level":{"type":3},"rationale":{"type":1},
                 "highRiskPresentations":{"type":5,"items":{"type":1}},"expectedResources":{"type":3},
                 "resources":{"type":5,"items":{"type":1}}},
                 "required":["level","rationale","highRiskPresentations","expectedResources","resources"]}"""),
                sent.at("/generationConfig/responseSchema"));
        assertEquals(PromptTemplate.load("triage-v1").text(), sent.at("/systemInstruction/parts/0/text").asText());
    }

    @Test
    void malformedJsonIsNotTransient() {
        standIn.then(VertexAiStandIn.ok("{\"sentences\": [{\"section\": \"SUBJ", 10, 5));

        EngineFailure failure = assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT));

        assertEquals(Reason.MALFORMED_OUTPUT, failure.reason());
        assertFalse(failure instanceof TransientEngineFailure);
        assertFalse(failure.getMessage().contains("SUBJ"), "the answer is not quoted in the exception");
    }

    @Test
    void wrongShapeIsMalformed() {
        standIn.then(VertexAiStandIn.ok("{\"sentences\":[{\"section\":\"HISTORY\",\"text\":\"x\",\"cites\":[\"s1\"]}]}", 1, 1),
                VertexAiStandIn.ok("{\"level\":7,\"rationale\":\"x\",\"highRiskPresentations\":[],\"expectedResources\":1}", 1, 1));

        assertEquals(Reason.MALFORMED_OUTPUT, assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT)).reason());
        assertEquals(Reason.MALFORMED_OUTPUT, assertThrows(EngineFailure.class,
                () -> engine.adviseTriage(new TriageQuestion("cough", 40))).reason());
    }

    @Test
    void safetyBlockAndBlockedPrompt() {
        standIn.then(VertexAiStandIn.safetyBlock(), VertexAiStandIn.promptBlocked());

        EngineFailure finishSafety = assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT));
        EngineFailure noCandidate = assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT));

        assertEquals(Reason.SAFETY_BLOCK, finishSafety.reason());
        assertEquals(Reason.SAFETY_BLOCK, noCandidate.reason());
        assertFalse(finishSafety instanceof TransientEngineFailure);
        assertEquals(2, standIn.requests().size(), "one call each: neither the client nor LangChain4j retries");
    }

    @Test
    void rateLimitServerErrorAndTimeoutAreTransient() {
        standIn.then(VertexAiStandIn.error(429, "RESOURCE_EXHAUSTED"), VertexAiStandIn.error(500, "INTERNAL"),
                VertexAiStandIn.error(503, "UNAVAILABLE"), VertexAiStandIn.hang());

        assertTransient(Reason.RATE_LIMITED);
        assertTransient(Reason.SERVER_ERROR);
        assertTransient(Reason.UNAVAILABLE);
        assertTransient(Reason.TIMEOUT);
        assertEquals(4, standIn.requests().size(), "one HTTP request per call");
    }

    @Test
    void otherClientErrorsAreRejected() {
        standIn.then(VertexAiStandIn.error(404, "NOT_FOUND"));

        EngineFailure failure = assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT));
        assertEquals(Reason.REJECTED, failure.reason());
        assertFalse(failure instanceof TransientEngineFailure);
    }

    private static void assertTransient(Reason reason) {
        EngineFailure failure = assertThrows(EngineFailure.class, () -> engine.draftNote(TRANSCRIPT));
        assertEquals(reason, failure.reason(), failure::getMessage);
        assertInstanceOf(TransientEngineFailure.class, failure);
        assertTrue(failure.reason().isTransient());
    }
}
