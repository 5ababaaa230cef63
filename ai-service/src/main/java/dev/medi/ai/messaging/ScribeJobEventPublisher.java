package dev.medi.ai.messaging;

import dev.medi.ai.job.JobState;
import dev.medi.ai.job.ScribeJob;
import dev.medi.ai.service.JobJson;
import dev.medi.platform.events.ScribeJobEventData;
import dev.medi.platform.events.ScribeJobEvents;
import dev.medi.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Appends a scribe job's state change to the outbox, in the transaction of the change (the relay publishes it on
 * {@code medi.ai.events.v1}). A succeeded job's event carries the checked draft with its evidence: the section texts,
 * and every sentence with the segments it cites (speaker, time, text), whether it is supported and why not.
 */
@ApplicationScoped
public class ScribeJobEventPublisher {

    private final Outbox outbox;

    ScribeJobEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Inside the transaction: flushes the job (so the event carries what was committed) and appends its event. */
    public Uni<Void> record(ScribeJob job) {
        return Panache.getSession().flatMap(session -> session.flush())
                .chain(() -> outbox.append(ScribeJobEvents.forState(job.state().code()), data(job)))
                .replaceWithVoid();
    }

    /** The event data of the job's current state. */
    public static ScribeJobEventData data(ScribeJob job) {
        ScribeJobEventData.Draft draft = job.state() == JobState.SUCCEEDED ? draft(job) : null;
        return new ScribeJobEventData(job.id(), job.encounterId(), job.patientId(), job.departmentId(),
                job.requestedBy(), job.requestedById(), job.state().code(), job.engine(), job.model(),
                job.promptVersion(), job.fallbackReason(), job.inputTokens(), job.outputTokens(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.failureReason(), job.noteId(), draft);
    }

    static ScribeJobEventData.Draft draft(ScribeJob job) {
        Map<String, JobJson.Segment> segments = JobJson.segments(job.transcriptJson()).stream()
                .collect(Collectors.toMap(JobJson.Segment::id, Function.identity(), (a, b) -> a));
        List<JobJson.Sentence> stored = JobJson.sentences(job.draftJson());
        Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        for (String section : List.of("subjective", "objective", "assessment", "plan")) {
            sections.put(section, new ArrayList<>());
        }
        List<ScribeJobEventData.Sentence> sentences = new ArrayList<>();
        for (JobJson.Sentence sentence : stored) {
            sections.computeIfAbsent(sentence.section(), ignored -> new ArrayList<>()).add(sentence.text());
            List<ScribeJobEventData.Span> spans = sentence.citedSegmentIds().stream().map(segments::get)
                    .filter(java.util.Objects::nonNull)
                    .map(s -> new ScribeJobEventData.Span(s.id(), s.speaker(), s.startSeconds(), s.text()))
                    .toList();
            sentences.add(new ScribeJobEventData.Sentence(sentence.section(), sentence.text(),
                    sentence.citedSegmentIds(), spans, sentence.supported(), sentence.similarity(),
                    sentence.problems()));
        }
        return new ScribeJobEventData.Draft(String.join(" ", sections.get("subjective")),
                String.join(" ", sections.get("objective")), String.join(" ", sections.get("assessment")),
                String.join(" ", sections.get("plan")), sentences);
    }
}
