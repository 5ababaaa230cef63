package dev.medi.ai.engine.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.medi.ai.client.GeminiAnswer;
import dev.medi.ai.client.GeminiClient;
import dev.medi.ai.client.GeminiPrompt;
import dev.medi.ai.engine.EngineFailure;
import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageQuestion;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code gemini} engine: Vertex AI Gemini with structured JSON output (a response schema per task), through
 * {@link GeminiClient}. Its input is already redacted; it sends the transcript's segment ids, speakers and texts (no
 * times) and parses the answer into the shared value types. An answer that is not the asked-for JSON is an
 * {@link EngineFailure} ({@code MALFORMED_OUTPUT}); the caller falls back to the offline engine.
 */
@ApplicationScoped
public class GeminiEngine implements ScribeEngine, TriageAdvisor {

    public static final String NAME = "gemini";
    static final String SCRIBE_PROMPT = "scribe-v1";
    static final String TRIAGE_PROMPT = "triage-v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeminiClient client;
    private final PromptTemplate scribePrompt = PromptTemplate.load(SCRIBE_PROMPT);
    private final PromptTemplate triagePrompt = PromptTemplate.load(TRIAGE_PROMPT);

    public GeminiEngine(GeminiClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String model() {
        return client.model();
    }

    @Override
    public ScribeDraft draftNote(Transcript transcript) {
        GeminiAnswer answer = client.generate(new GeminiPrompt(scribePrompt.version(), scribePrompt.text(),
                scribeInput(transcript), SCRIBE_SCHEMA));
        return new ScribeDraft(parseSentences(answer.text()), info(answer));
    }

    @Override
    public TriageAdvice adviseTriage(TriageQuestion question) {
        GeminiAnswer answer = client.generate(new GeminiPrompt(triagePrompt.version(), triagePrompt.text(),
                triageInput(question), TRIAGE_SCHEMA));
        JsonNode root = parse(answer.text());
        int level = requiredInt(root, "level");
        if (level < 1 || level > 5) {
            throw malformed("level " + level + " is not an ESI level");
        }
        int resources = requiredInt(root, "expectedResources");
        if (resources < 0) {
            throw malformed("negative expectedResources");
        }
        return new TriageAdvice(level, requiredText(root, "rationale"), strings(root.get("highRiskPresentations"),
                "highRiskPresentations"), resources, info(answer), strings(root.get("resources"), "resources"));
    }

    static String scribeInput(Transcript transcript) {
        ArrayNode segments = JSON.createArrayNode();
        for (TranscriptSegment segment : transcript.segments()) {
            segments.addObject().put("id", segment.id()).put("speaker", segment.speaker()).put("text", segment.text());
        }
        return write(segments);
    }

    static String triageInput(TriageQuestion question) {
        ObjectNode input = JSON.createObjectNode().put("chiefComplaint", question.chiefComplaint());
        if (question.ageYears() == null) {
            input.putNull("ageYears");
        } else {
            // Ages over 89 identify: they are sent as 90 whatever the caller passed.
            input.put("ageYears", Math.min(question.ageYears(), 90));
        }
        return write(input);
    }

    static List<DraftSentence> parseSentences(String text) {
        JsonNode root = parse(text);
        JsonNode sentences = root.get("sentences");
        if (sentences == null || !sentences.isArray()) {
            throw malformed("no sentences array");
        }
        List<DraftSentence> result = new ArrayList<>();
        for (JsonNode sentence : sentences) {
            if (!sentence.isObject()) {
                throw malformed("a sentence is not an object");
            }
            result.add(new DraftSentence(section(requiredText(sentence, "section")), requiredText(sentence, "text"),
                    strings(sentence.get("cites"), "cites")));
        }
        return result;
    }

    private static SoapSection section(String value) {
        try {
            return SoapSection.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed("unknown section");
        }
    }

    private EngineInfo info(GeminiAnswer answer) {
        return new EngineInfo(NAME, answer.model(), answer.inputTokens(), answer.outputTokens(), null);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw malformed("the answer is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // The parser's message quotes the answer: keep it out of the exception (answers are never logged).
            throw malformed("the answer is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed("missing " + field);
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw malformed("missing integer " + field);
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode array, String field) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw malformed(field + " is not an array");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw malformed(field + " holds a non-string");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EngineFailure malformed(String what) {
        return EngineFailure.of(EngineFailure.Reason.MALFORMED_OUTPUT, what, null);
    }

    static final JsonSchema SCRIBE_SCHEMA = JsonSchema.builder().name("scribe_draft").rootElement(
            JsonObjectSchema.builder()
                    .addProperty("sentences", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addProperty("section", JsonEnumSchema.builder().enumValues(
                                    Arrays.stream(SoapSection.values()).map(Enum::name).toList()).build())
                            .addProperty("text", JsonStringSchema.builder().build())
                            .addProperty("cites", JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                            .required("section", "text", "cites")
                            .build()).build())
                    .required("sentences")
                    .build()).build();

    static final JsonSchema TRIAGE_SCHEMA = JsonSchema.builder().name("triage_advice").rootElement(
            JsonObjectSchema.builder()
                    .addProperty("level", JsonIntegerSchema.builder().build())
                    .addProperty("rationale", JsonStringSchema.builder().build())
                    .addProperty("highRiskPresentations", JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                    .addProperty("expectedResources", JsonIntegerSchema.builder().build())
                    .addProperty("resources", JsonArraySchema.builder().items(JsonStringSchema.builder().build()).build())
                    .required("level", "rationale", "highRiskPresentations", "expectedResources", "resources")
                    .build()).build();
}
