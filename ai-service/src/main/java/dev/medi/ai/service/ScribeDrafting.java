package dev.medi.ai.service;

import dev.medi.ai.engine.EngineInfo;
import dev.medi.ai.redaction.PatientIdentifiers;
import dev.medi.ai.redaction.PhiRedactor;
import dev.medi.ai.redaction.Redaction;
import dev.medi.ai.redaction.Redactor;
import dev.medi.ai.scribe.CheckedDraft;
import dev.medi.ai.scribe.CheckedSentence;
import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.FaithfulnessCheck;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.scribe.TranscriptSegment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One scribe draft, blocking (engine calls and sentence embeddings): the transcript is redacted as one text — the
 * patient's identifiers from the record plus the speakers' names, one date shift for the whole request — so the
 * engine sees placeholders only; the engine drafts; the placeholders in its sentences are restored; the faithfulness
 * check compares the restored sentences with the original transcript. Runs on a worker thread, never on the event
 * loop.
 */
@ApplicationScoped
public class ScribeDrafting {

    /** What a draft came to: the stored draft (JSON) with the engine that made it. */
    public record Result(String draftJson, EngineInfo engine, int sentences, long unsupported) {
    }

    /** Drafting failed after the engine was chosen (the job records which engine it tried). */
    public static final class DraftingFailed extends RuntimeException {
        private final transient EngineInfo engine;

        DraftingFailed(String reason, EngineInfo engine, Throwable cause) {
            super(reason, cause, false, false);
            this.engine = engine;
        }

        public EngineInfo engine() {
            return engine;
        }
    }

    /** Separates segments, and speaker from text, in the one text that is redacted (no identifier contains them). */
    private static final String SEGMENT_SEPARATOR = "\n\u241E\n";
    private static final String SPEAKER_SEPARATOR = "\u241F";
    private final Instance<ScribeEngine> engines;
    private final Supplier<ScribeEngine> engine;
    private final Redactor redactor;
    private final FaithfulnessCheck check;

    @Inject
    ScribeDrafting(@Any Instance<ScribeEngine> engines, Redactor redactor, FaithfulnessCheck check) {
        this.engines = engines;
        this.engine = this::engine;
        this.redactor = redactor;
        this.check = check;
    }

    /** With a given engine (unit tests). */
    ScribeDrafting(ScribeEngine engine, Redactor redactor, FaithfulnessCheck check) {
        this.engines = null;
        this.engine = () -> engine;
        this.redactor = redactor;
        this.check = check;
    }

    /** Drafts and checks the transcript (stored JSON) for the patient (stored identifiers). */
    public Result draft(String transcriptJson, String identifiersJson) {
        Transcript transcript = JobJson.transcriptOf(transcriptJson);
        PatientIdentifiers identifiers = withSpeakers(JobJson.identifiersOf(identifiersJson), transcript);
        ScribeEngine engine = this.engine.get();
        int shiftDays = shiftDays();
        Redaction redaction = redactor.redact(joined(transcript), identifiers, shiftDays);
        Transcript redacted = split(redaction.text(), transcript);
        EngineInfo tried = EngineInfo.of(engine.name(), engine.model());
        ScribeDraft draft;
        try {
            draft = engine.draftNote(redacted);
        } catch (RuntimeException e) {
            throw new DraftingFailed("The " + engine.name() + " engine could not draft the note.", tried, e);
        }
        List<DraftSentence> restored = draft.sentences().stream()
                .map(s -> new DraftSentence(s.section(), redactor.restore(s.text(), redaction), s.citedSegmentIds()))
                .toList();
        CheckedDraft checked = check.check(transcript, new ScribeDraft(restored, draft.engine()));
        List<CheckedSentence> sentences = checked.sentences();
        EngineInfo info = checked.engine() != null ? checked.engine() : draft.engine() != null ? draft.engine() : tried;
        return new Result(JobJson.draft(sentences), info, sentences.size(), checked.unsupportedCount());
    }

    /** The reason a job failed, as the doctor sees it: never the exception's message (it may quote patient data). */
    static String reason(Throwable failure) {
        if (failure instanceof DraftingFailed failed) {
            return failed.getMessage();
        }
        return "The draft could not be made (" + failure.getClass().getSimpleName() + ").";
    }

    /**
     * The scribe engine: the one bean when there is one; with several (an engine router beside the engines it routes
     * to), the router.
     */
    ScribeEngine engine() {
        if (engines.isResolvable()) {
            return engines.get();
        }
        ScribeEngine fallback = null;
        for (Instance.Handle<ScribeEngine> handle : engines.handles()) {
            ScribeEngine candidate = handle.get();
            String type = handle.getBean().getBeanClass().getSimpleName();
            if (type.contains("Router")) {
                return candidate;
            }
            if (fallback == null || "offline".equals(candidate.name())) {
                fallback = candidate;
            }
        }
        if (fallback == null) {
            throw new DraftingFailed("No scribe engine is configured.", null, null);
        }
        return fallback;
    }

    /** The record's identifiers plus the names among the speaker labels ("Dr Novak" → "Novak"). */
    static PatientIdentifiers withSpeakers(PatientIdentifiers identifiers, Transcript transcript) {
        Set<String> names = new LinkedHashSet<>(identifiers.names());
        names.addAll(PhiRedactor.speakerNames(transcript.segments().stream().map(TranscriptSegment::speaker).toList()));
        return new PatientIdentifiers(new ArrayList<>(names), identifiers.mrn(), identifiers.birthDate(),
                identifiers.phones(), identifiers.emails(), identifiers.addressLines(), identifiers.otherIdentifiers());
    }

    static String joined(Transcript transcript) {
        List<String> parts = new ArrayList<>();
        for (TranscriptSegment segment : transcript.segments()) {
            parts.add(segment.speaker() + SPEAKER_SEPARATOR + segment.text());
        }
        return String.join(SEGMENT_SEPARATOR, parts);
    }

    /** The redacted text back into segments with the original ids and times. */
    static Transcript split(String redacted, Transcript original) {
        String[] parts = redacted.split(SEGMENT_SEPARATOR, -1);
        if (parts.length != original.segments().size()) {
            throw new DraftingFailed("The transcript could not be prepared for the engine.", null, null);
        }
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            TranscriptSegment segment = original.segments().get(i);
            int at = parts[i].indexOf(SPEAKER_SEPARATOR);
            if (at < 0) {
                throw new DraftingFailed("The transcript could not be prepared for the engine.", null, null);
            }
            segments.add(new TranscriptSegment(segment.id(), parts[i].substring(0, at),
                    parts[i].substring(at + SPEAKER_SEPARATOR.length()), segment.start()));
        }
        return new Transcript(segments);
    }

    /** One shift for the whole request, never 0: ±(30..365) days. */
    static int shiftDays() {
        int days = ThreadLocalRandom.current().nextInt(30, 366);
        return ThreadLocalRandom.current().nextBoolean() ? days : -days;
    }
}
