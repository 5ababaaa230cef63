package dev.medi.ai.engine;

import dev.medi.ai.scribe.DraftSentence;
import dev.medi.ai.scribe.ScribeDraft;
import dev.medi.ai.scribe.ScribeEngine;
import dev.medi.ai.scribe.SoapSection;
import dev.medi.ai.scribe.Transcript;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageQuestion;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Minimal "offline" engines, visible to lookups only under {@link GeminiStandInProfile} and only while the real offline
 * engines ({@code dev.medi.ai.scribe.OfflineScribeEngine}, {@code dev.medi.ai.triage.OfflineTriageAdvisor}, by other
 * helpers) are not in this module: the router's fallback needs an engine named {@code offline}. Tests assert only
 * the engine name and fallback reason, which hold for the real ones too.
 */
final class OfflineEnginesForTests {

    private OfflineEnginesForTests() {
    }

    /** Set by {@link GeminiStandInProfile} to true when the real offline scribe is missing. */
    static final String SCRIBE = "medi.ai.test.offline-scribe-stand-in";
    /** Set by {@link GeminiStandInProfile} to true when the real offline triage advisor is missing. */
    static final String TRIAGE = "medi.ai.test.offline-triage-stand-in";

    static boolean scribeNeeded() {
        return !hasClass("dev.medi.ai.scribe.OfflineScribeEngine");
    }

    static boolean triageNeeded() {
        return !hasClass("dev.medi.ai.triage.OfflineTriageAdvisor");
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, OfflineEnginesForTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @LookupIfProperty(name = SCRIBE, stringValue = "true", lookupIfMissing = false)
    @ApplicationScoped
    static class Scribe implements ScribeEngine {
        @Override
        public String name() {
            return EngineRouter.OFFLINE;
        }

        @Override
        public String model() {
            return "test-rules";
        }

        @Override
        public ScribeDraft draftNote(Transcript transcript) {
            return new ScribeDraft(transcript.segments().stream()
                    .map(s -> new DraftSentence(SoapSection.SUBJECTIVE, s.text(), List.of(s.id()))).toList(),
                    EngineInfo.of(name(), model()));
        }
    }

    @LookupIfProperty(name = TRIAGE, stringValue = "true", lookupIfMissing = false)
    @ApplicationScoped
    static class Triage implements TriageAdvisor {
        @Override
        public String name() {
            return EngineRouter.OFFLINE;
        }

        @Override
        public String model() {
            return "test-rules";
        }

        @Override
        public TriageAdvice adviseTriage(TriageQuestion question) {
            return new TriageAdvice(3, "rules", List.of(), 2, EngineInfo.of(name(), model()));
        }
    }
}
