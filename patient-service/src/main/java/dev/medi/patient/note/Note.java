package dev.medi.patient.note;

import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A clinical note (SOAP) of one encounter. Lifecycle: {@code draft} → {@code signed}. A draft is written by a
 * doctor or nurse (or drafted by the AI scribe on a doctor's behalf, see {@link NoteProvenance}) and edited
 * freely, each saved content kept as a {@link NoteVersion}. Only a doctor signs, having signed in recently
 * ({@link Signature}); a signed note never changes — corrections are signed {@link NoteAddendum addenda}.
 * The guard methods below are the rules; the database refuses updates of signed rows as well.
 */
@Entity
@Table(name = "clinical_notes")
public class Note {

    /** What a signed AI draft is labelled with. */
    public static final String ATTESTATION_AI = "clinician-approved AI draft";
    public static final String ATTESTATION_CLINICIAN = "clinician-authored";
    public static final String ATTESTATION_AI_DRAFT = "AI draft, not yet reviewed and signed";

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(name = "encounter_id", nullable = false, updatable = false)
    private UUID encounterId;

    @Column(nullable = false)
    @Convert(converter = NoteStatus.Column.class)
    private NoteStatus status;

    @Column(nullable = false)
    private String subjective;

    @Column(nullable = false)
    private String objective;

    @Column(nullable = false)
    private String assessment;

    @Column(nullable = false)
    private String plan;

    /** The doctor expected to sign (user name); {@code null}: any doctor of the patient's care team. */
    @Column(name = "responsible_signer")
    private String responsibleSigner;

    @Column(name = "ai_generated", nullable = false, updatable = false)
    private boolean aiGenerated;

    @Column(name = "ai_model", updatable = false)
    private String aiModel;

    @Column(name = "ai_prompt_version", updatable = false)
    private String aiPromptVersion;

    @Column(name = "ai_source_transcript_id", updatable = false)
    private String aiSourceTranscriptId;

    @Column(name = "ai_engine", updatable = false)
    private String aiEngine;

    @Column(name = "ai_fallback_reason", updatable = false)
    private String aiFallbackReason;

    @Column(name = "ai_job_id", updatable = false)
    private UUID aiJobId;

    @Column(name = "ai_evidence", updatable = false)
    @Convert(converter = EvidenceColumn.class)
    private List<NoteEvidence> aiEvidence;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "signed_by")
    private String signedBy;

    @Version
    private long version;

    protected Note() {
        // for Hibernate
    }

    /**
     * A new draft.
     *
     * @param responsibleSigner the doctor expected to sign, or {@code null}
     * @throws IllegalArgumentException when all four sections are empty
     */
    public static Note draft(UUID id, UUID patientId, UUID encounterId, SoapContent content, NoteProvenance provenance,
                             String responsibleSigner, String author, Instant now) {
        requireContent(content);
        Note note = new Note();
        note.id = Objects.requireNonNull(id);
        note.patientId = Objects.requireNonNull(patientId);
        note.encounterId = Objects.requireNonNull(encounterId);
        note.status = NoteStatus.DRAFT;
        note.setContent(content);
        note.responsibleSigner = responsibleSigner == null || responsibleSigner.isBlank() ? null : responsibleSigner.strip();
        NoteProvenance origin = provenance == null ? NoteProvenance.CLINICIAN : provenance;
        note.aiGenerated = origin.aiGenerated();
        note.aiModel = origin.model();
        note.aiPromptVersion = origin.promptVersion();
        note.aiSourceTranscriptId = origin.sourceTranscriptId();
        note.aiEngine = origin.engine();
        note.aiFallbackReason = origin.fallbackReason();
        note.aiEvidence = origin.evidence();
        note.aiJobId = origin.engine() == null ? null : jobId(origin.sourceTranscriptId());
        note.createdAt = now;
        note.createdBy = Objects.requireNonNull(author);
        note.updatedAt = now;
        note.updatedBy = author;
        return note;
    }

    /**
     * Replaces the draft's content; returns whether anything changed.
     *
     * @throws NoteStateException when the note is signed (corrections are addenda)
     */
    public boolean edit(SoapContent content, String actor, Instant now) {
        if (status() != NoteStatus.DRAFT) {
            throw new NoteStateException("A signed note cannot be changed. Add an addendum instead.");
        }
        requireContent(content);
        if (content.equals(content())) {
            return false;
        }
        setContent(content);
        updatedAt = now;
        updatedBy = Objects.requireNonNull(actor);
        return true;
    }

    /**
     * Signs the draft: from now on it never changes. Only the designated signer signs a draft addressed to a doctor
     * (a draft without one: any doctor of the patient's care team); another doctor first re-assigns it
     * ({@link #reassignSigner}), which is kept and audited.
     *
     * @throws NoteSignatureException when the signer is not a doctor, signed in too long ago, or is not the
     *                                designated signer
     * @throws NoteStateException     when it is signed already
     */
    public void sign(Signature signature) {
        signature.require("clinical notes");
        if (status() != NoteStatus.DRAFT) {
            throw new NoteStateException("The note is signed already.");
        }
        if (responsibleSigner != null && !responsibleSigner.equals(signature.signer())) {
            throw NoteSignatureException.notTheSigner("This note is addressed to another doctor for signature. "
                    + "They sign it, or it is re-assigned first (PUT /api/v1/notes/{id}/signer with a reason).");
        }
        status = NoteStatus.SIGNED;
        signedAt = signature.at();
        signedBy = signature.signer();
        updatedAt = signature.at();
        updatedBy = signature.signer();
    }

    /**
     * Gives the draft to another doctor to sign; returns the record of the change, or {@code null} when
     * {@code signer} is already the one.
     *
     * @throws NoteStateException       when the note is signed
     * @throws IllegalArgumentException when the signer or the reason is blank
     */
    public NoteSignerChange reassignSigner(UUID changeId, String signer, String reason, String actor, Instant now) {
        if (status() != NoteStatus.DRAFT) {
            throw new NoteStateException("A signed note keeps its signer.");
        }
        if (signer == null || signer.isBlank()) {
            throw new IllegalArgumentException("a signer is named");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a re-assignment has a reason"); // checked before anything changes
        }
        String previous = responsibleSigner;
        if (signer.strip().equals(previous)) {
            return null;
        }
        responsibleSigner = signer.strip();
        updatedAt = now;
        updatedBy = Objects.requireNonNull(actor);
        return NoteSignerChange.of(changeId, this, previous, reason, actor, now);
    }

    /**
     * A correction or addition to the signed note, signed by its author as it is written.
     *
     * @throws NoteStateException     when the note is still a draft (edit it instead)
     * @throws NoteSignatureException as for {@link #sign}
     */
    public NoteAddendum addendum(UUID id, String text, Signature signature) {
        if (status() != NoteStatus.SIGNED) {
            throw new NoteStateException("A draft is edited, not amended. Addenda are for signed notes.");
        }
        signature.require("addenda");
        return NoteAddendum.signed(id, this.id, patientId, text, signature.signer(), signature.at());
    }

    /** What a reader is told about who wrote the note: AI drafts stay labelled after signing. */
    public String attestation() {
        if (status() == NoteStatus.SIGNED) {
            return aiGenerated ? ATTESTATION_AI : ATTESTATION_CLINICIAN;
        }
        return aiGenerated ? ATTESTATION_AI_DRAFT : null;
    }

    /** Whether {@code username} is who this draft waits for. */
    public boolean awaitsSignatureOf(String username) {
        return status() == NoteStatus.DRAFT && username.equals(responsibleSigner);
    }

    private static void requireContent(SoapContent content) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("a note has at least one section");
        }
    }

    private void setContent(SoapContent content) {
        subjective = content.subjective();
        objective = content.objective();
        assessment = content.assessment();
        plan = content.plan();
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID encounterId() {
        return encounterId;
    }

    public NoteStatus status() {
        return status;
    }

    public SoapContent content() {
        return new SoapContent(subjective, objective, assessment, plan);
    }

    public String responsibleSigner() {
        return responsibleSigner;
    }

    public NoteProvenance provenance() {
        return aiGenerated ? new NoteProvenance(true, aiModel, aiPromptVersion, aiSourceTranscriptId, aiEngine,
                aiFallbackReason, aiEvidence) : NoteProvenance.CLINICIAN;
    }

    /** The scribe job a draft of ai-service came from (its source transcript id), or {@code null}. */
    public UUID aiJobId() {
        return aiJobId;
    }

    private static UUID jobId(String sourceTranscriptId) {
        try {
            return sourceTranscriptId == null ? null : UUID.fromString(sourceTranscriptId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String signedBy() {
        return signedBy;
    }

    public long version() {
        return version;
    }
}
