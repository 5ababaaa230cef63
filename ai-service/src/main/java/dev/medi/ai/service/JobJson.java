package dev.medi.ai.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.scribe.CheckedSentence;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The JSON columns of a scribe job: the transcript's segments, the patient's identifiers (while the job runs) and the
 * checked draft. Own mapper, independent of the REST layer's strictness; unknown fields are ignored when reading so
 * an older replica reads what a newer one wrote.
 */
public final class JobJson {

    /** A stored transcript segment. */
    public record Segment(String id, String speaker, String text, Double startSeconds) {
    }

    /** A stored checked sentence; {@code section} in lower case. */
    public record Sentence(String section, String text, List<String> citedSegmentIds, boolean supported,
                           double similarity, List<String> problems) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JobJson() {
    }

    public static String transcript(Transcript transcript) {
        return write(transcript.segments().stream().map(s -> new Segment(s.id(), s.speaker(), s.text(),
                s.start() == null ? null : s.start().toMillis() / 1000.0)).toList());
    }

    public static List<Segment> segments(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    public static Transcript transcriptOf(String json) {
        return new Transcript(segments(json).stream().map(s -> new TranscriptSegment(s.id(), s.speaker(), s.text(),
                s.startSeconds() == null ? null : Duration.ofMillis(Math.round(s.startSeconds() * 1000)))).toList());
    }

    public static String identifiers(PatientIdentifiers identifiers) {
        return write(identifiers);
    }

    public static PatientIdentifiers identifiersOf(String json) {
        return json == null ? PatientIdentifiers.none() : read(json, new TypeReference<>() {
        });
    }

    public static String draft(List<CheckedSentence> sentences) {
        return write(sentences.stream().map(s -> new Sentence(s.section().name().toLowerCase(Locale.ROOT), s.text(),
                s.citedSegmentIds(), s.supported(), s.similarity(), s.problems())).toList());
    }

    public static List<Sentence> sentences(String json) {
        return json == null ? List.of() : read(json, new TypeReference<>() {
        });
    }

    /** The section of a stored sentence. */
    public static SoapSection section(Sentence sentence) {
        return SoapSection.valueOf(sentence.section().toUpperCase(Locale.ROOT));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job data not serialisable", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job data is not valid JSON", e);
        }
    }
}
