package dev.medi.patient.service;

import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.patient.note.Note;
import dev.medi.patient.note.NoteEvidence;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.NoteVersion;
import dev.medi.patient.note.SoapContent;
import dev.medi.patient.repository.EncounterLookup;
import dev.medi.patient.repository.NoteRepository;
import dev.medi.patient.repository.NoteVersionRepository;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.events.PatientEvents;
import dev.medi.platform.events.ScribeJobEventData;
import dev.medi.platform.events.ScribeJobEvents;
import dev.medi.platform.inbox.InboundEvent;
import dev.medi.platform.inbox.InboundEvents;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Makes the draft of a succeeded scribe job ({@code medi.ai.scribe-job.succeeded.v1} on {@code medi.ai.events.v1})
 * a draft note with AI provenance on its encounter, in the inbox's transaction (ADR 0019): authored by, and addressed
 * for signature to, the doctor who requested the job; provenance with the engine, model, prompt version, job, fallback
 * and the evidence of every sentence. The note's id is the one ai-service chose (the event's {@code noteId}), and one
 * job gives one note (unique {@code ai_job_id}), so a redelivered or republished event changes nothing. The AI never
 * signs: the note stays a draft until the doctor signs it. Audited as {@code note.create} by {@link #ACTOR}, basis
 * {@code event}; announced as {@code note.drafted}. Nothing of the draft is logged.
 */
@ApplicationScoped
public class AiDraftNoteService {

    /** Who the audit trail names for notes made from ai-service's events. */
    public static final String ACTOR = "ai-service";

    private static final Caller SYSTEM = new Caller(ACTOR, Set.of(), Set.of());

    private final NoteRepository notes;
    private final NoteVersionRepository versions;
    private final EncounterLookup encounters;
    private final PatientAudit audit;
    private final PatientEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    AiDraftNoteService(NoteRepository notes, NoteVersionRepository versions, EncounterLookup encounters,
                       PatientAudit audit, PatientEventPublisher events) {
        this.notes = notes;
        this.versions = versions;
        this.encounters = encounters;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Only succeeded jobs make notes (the other states are for the live status); read before any transaction.
     *
     * @throws InboundEvents.UnreadableEvent for a succeeded job without its note id, encounter, patient, requester,
     *                                       model or draft: sent to the dead-letter topic at once
     */
    public boolean concerns(InboundEvent<?> event) {
        if (!event.is(ScribeJobEvents.SUCCEEDED)) {
            return false;
        }
        ScribeJobEventData data = event.data(ScribeJobEvents.SUCCEEDED);
        if (data.jobId() == null || data.noteId() == null || data.encounterId() == null || data.patientId() == null
                || blank(data.requestedBy()) || blank(data.model()) || blank(data.promptVersion())
                || data.draft() == null) {
            throw new InboundEvents.UnreadableEvent("succeeded scribe job without its note id, encounter, patient, "
                    + "requester, model, prompt version or draft");
        }
        return true;
    }

    /** Inside the inbox's transaction: the draft note, unless the job's note exists already. */
    public Uni<Void> apply(InboundEvent<?> event) {
        ScribeJobEventData data = event.data(ScribeJobEvents.SUCCEEDED);
        Instant now = clock.instant();
        return notes.find("id = ?1 or aiJobId = ?2", data.noteId(), data.jobId()).count().flatMap(existing -> {
            if (existing > 0) {
                Log.infof("scribe job %s already has its draft note", data.jobId());
                return Uni.createFrom().voidItem();
            }
            return encounters.find(data.encounterId()).flatMap(encounter -> {
                if (encounter == null || !encounter.patientId().equals(data.patientId())) {
                    Log.warnf("scribe job %s names an encounter unknown here or of another patient: no note",
                            data.jobId());
                    return Uni.createFrom().voidItem();
                }
                ScribeJobEventData.Draft draft = data.draft();
                SoapContent content = new SoapContent(draft.subjective(), draft.objective(), draft.assessment(),
                        draft.plan());
                if (content.isEmpty()) {
                    Log.warnf("scribe job %s drafted nothing: no note", data.jobId());
                    return Uni.createFrom().voidItem();
                }
                Note note = Note.draft(data.noteId(), data.patientId(), data.encounterId(), content,
                        provenance(data), data.requestedBy(), data.requestedBy(), now);
                return notes.persist(note)
                        .call(() -> events.recordNote(PatientEvents.NOTE_DRAFTED, note, null))
                        .call(() -> versions.persist(NoteVersion.of(TimeOrderedIds.next(), note)))
                        .call(() -> audit.record(SYSTEM, PatientAudit.NOTE_CREATE,
                                new PatientAudit.Target(PatientAudit.TARGET_NOTE, note.id().toString()),
                                note.patientId(), PatientAudit.SUCCESS, PatientAudit.BASIS_EVENT))
                        .invoke(() -> Log.infof("note %s drafted on encounter %s from scribe job %s (AI draft)",
                                note.id(), note.encounterId(), data.jobId()))
                        .replaceWithVoid();
            });
        });
    }

    static NoteProvenance provenance(ScribeJobEventData data) {
        List<NoteEvidence> evidence = data.draft().sentences() == null ? List.of() : data.draft().sentences().stream()
                .map(s -> new NoteEvidence(s.section(), s.text(), s.segmentIds(),
                        s.spans() == null ? List.of() : s.spans().stream().map(span -> new NoteEvidence.Span(
                                span.segmentId(), span.speaker(), span.startSeconds(), span.text())).toList(),
                        s.supported(), s.similarity(), s.problems()))
                .toList();
        return new NoteProvenance(true, data.model(), data.promptVersion(), data.jobId().toString(),
                blank(data.engine()) ? "unknown" : data.engine(), data.fallbackReason(), evidence);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
