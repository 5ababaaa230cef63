package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.note.Note;
import dev.medi.patient.note.NoteAddendum;
import dev.medi.patient.note.NoteProvenance;
import dev.medi.patient.note.NoteSignatureException;
import dev.medi.patient.note.NoteSignerChange;
import dev.medi.patient.note.NoteStatus;
import dev.medi.patient.note.NoteVersion;
import dev.medi.patient.record.Patient;
import dev.medi.patient.note.Signature;
import dev.medi.patient.note.SoapContent;
import dev.medi.patient.config.NoteConfig;
import dev.medi.patient.messaging.outbound.PatientEventPublisher;
import dev.medi.platform.events.PatientEvents;
import dev.medi.patient.pdf.NotePdf;
import dev.medi.patient.repository.EncounterLookup;
import dev.medi.patient.repository.NoteAddendumRepository;
import dev.medi.patient.repository.NoteRepository;
import dev.medi.patient.repository.NoteSignerChangeRepository;
import dev.medi.patient.repository.NoteVersionRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Clinical notes (SOAP) of encounters: drafting, editing drafts (If-Match, every saved content kept), signing by a
 * recently authenticated doctor, signed addenda, reading, lists and the PDF of a signed note. Notes are clinical
 * data ({@link Operation#READ_CLINICAL}, {@link Operation#WRITE_CLINICAL} on the note's patient, through
 * {@link PatientAccess}); every access is audited per note ({@code note.*}). Events carry identifiers only.
 */
@ApplicationScoped
public class NoteService {

    /** A draft as sent by a clinician or the AI scribe. */
    public record Draft(SoapContent content, NoteProvenance provenance, String responsibleSigner) {
    }

    /** A note with its addenda, as read. */
    public record NoteWithAddenda(Note note, List<NoteAddendum> addenda) {
    }

    /** A rendered PDF. */
    public record Pdf(Note note, byte[] bytes) {
    }

    private final NoteRepository notes;
    private final NoteVersionRepository versions;
    private final NoteAddendumRepository addenda;
    private final NoteSignerChangeRepository signerChanges;
    private final EncounterLookup encounters;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final PatientEventPublisher events;
    private final NoteConfig config;
    private final Clock clock = Clock.systemUTC();

    NoteService(NoteRepository notes, NoteVersionRepository versions, NoteAddendumRepository addenda,
                NoteSignerChangeRepository signerChanges,
                EncounterLookup encounters, PatientRepository patients, PatientAccess access, PatientAudit audit,
                PatientEventPublisher events, NoteConfig config) {
        this.notes = notes;
        this.versions = versions;
        this.addenda = addenda;
        this.signerChanges = signerChanges;
        this.encounters = encounters;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.config = config;
    }

    /** Drafts a note on the encounter; emits {@code note.drafted}. */
    public Uni<NoteWithAddenda> draft(Caller caller, UUID encounterId, Draft draft) {
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> encounters.find(encounterId)
                        .map(encounter -> {
                            if (encounter == null) {
                                throw new ProblemException(ProblemType.NOT_FOUND, "No encounter with this id.");
                            }
                            return encounter;
                        })
                        .flatMap(encounter -> patients.findById(encounter.patientId()).map(PatientService::found)
                                .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                                PatientAudit.NOTE_CREATE, target(id), now)
                                        .flatMap(guarded -> {
                                            if (!guarded.isAllowed()) {
                                                return Uni.createFrom().item(guarded.<Note>map(decision -> null));
                                            }
                                            String signer = draft.responsibleSigner() != null ? draft.responsibleSigner()
                                                    : caller.hasRole(Roles.DOCTOR) ? caller.username() : null;
                                            Note note = Note.draft(id, patient.id(), encounterId, draft.content(),
                                                    draft.provenance(), signer, caller.username(), now);
                                            return notes.persist(note)
                                                    .call(() -> events.recordNote(PatientEvents.NOTE_DRAFTED, note, null))
                                                    .call(() -> versions.persist(NoteVersion.of(TimeOrderedIds.next(), note)))
                                                    .replaceWith(Guarded.allowed(note));
                                        }))))
                .map(Guarded::orThrow)
                .map(note -> {
                    Log.infof("note %s drafted on encounter %s%s", note.id(), encounterId,
                            note.provenance().aiGenerated() ? " (AI draft)" : "");
                    return new NoteWithAddenda(note, List.of());
                });
    }

    /** Replaces a draft's content if it is still at {@code expectedVersion}; keeps the saved content as a version. */
    public Uni<NoteWithAddenda> edit(Caller caller, UUID id, long expectedVersion, SoapContent content) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, id, Operation.WRITE_CLINICAL, PatientAudit.NOTE_UPDATE, now,
                        note -> {
                            requireVersion(note, expectedVersion);
                            if (!note.edit(content, caller.username(), now)) {
                                return Uni.createFrom().item(note);
                            }
                            return Panache.getSession().flatMap(session -> session.flush())
                                    .chain(() -> versions.persist(NoteVersion.of(TimeOrderedIds.next(), note)))
                                    .replaceWith(note);
                        }))
                .onFailure(NoteService::lostRace).transform(NoteService::changedMeanwhile)
                .map(Guarded::orThrow)
                .chain(note -> withAddenda(note))
                .invoke(read -> Log.infof("note %s saved as version %d", id, read.note().version()));
    }

    /**
     * Signs a draft as {@code caller}, who must be a doctor and have signed in within
     * {@code medi.patient.notes.signing-max-auth-age}; emits {@code note.signed}.
     *
     * @param authenticatedAt when the caller last entered the password (token {@code auth_time}, else {@code iat})
     * @param expectedVersion the version the doctor read ({@code If-Match}), optional
     */
    public Uni<NoteWithAddenda> sign(Caller caller, UUID id, Long expectedVersion, Instant authenticatedAt) {
        Instant now = clock.instant();
        Signature signature = new Signature(caller.username(), caller.hasRole(Roles.DOCTOR), authenticatedAt,
                config.signingMaxAuthAge(), now);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> signing(caller, id, PatientAudit.NOTE_SIGN, now, note -> {
                    if (expectedVersion != null) {
                        requireVersion(note, expectedVersion);
                    }
                    note.sign(signature);
                    return events.recordNote(PatientEvents.NOTE_SIGNED, note, null).replaceWith(note);
                }))
                .onFailure(NoteService::lostRace).transform(NoteService::changedMeanwhile)
                .map(Guarded::orThrow)
                .invoke(note -> Log.infof("note %s signed", note.id()))
                .chain(this::withAddenda);
    }

    /**
     * Gives a draft to another doctor to sign ({@code note.reassign}, the change and its reason kept in
     * {@code note_signer_changes}); clinical staff who may write the patient's notes. A signed note is 409.
     *
     * @param expectedVersion the version the caller read ({@code If-Match}), optional
     */
    public Uni<NoteWithAddenda> reassignSigner(Caller caller, UUID id, Long expectedVersion, String signer, String reason) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, id, Operation.WRITE_CLINICAL, PatientAudit.NOTE_REASSIGN, now,
                        note -> {
                            if (expectedVersion != null) {
                                requireVersion(note, expectedVersion);
                            }
                            NoteSignerChange change = note.reassignSigner(TimeOrderedIds.next(), signer, reason,
                                    caller.username(), now);
                            return change == null ? Uni.createFrom().item(note)
                                    : signerChanges.persist(change).replaceWith(note);
                        }))
                .onFailure(NoteService::lostRace).transform(NoteService::changedMeanwhile)
                .map(Guarded::orThrow)
                .invoke(note -> Log.infof("note %s re-assigned for signature", note.id()))
                .chain(this::withAddenda);
    }

    /** Adds a signed addendum to a signed note; emits {@code note.addendum-added}. */
    public Uni<NoteWithAddenda> addAddendum(Caller caller, UUID id, String text, Instant authenticatedAt) {
        Instant now = clock.instant();
        Signature signature = new Signature(caller.username(), caller.hasRole(Roles.DOCTOR), authenticatedAt,
                config.signingMaxAuthAge(), now);
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> signing(caller, id, PatientAudit.NOTE_ADDENDUM, now, note -> {
                    NoteAddendum addendum = note.addendum(TimeOrderedIds.next(), text, signature);
                    return addenda.persist(addendum)
                            .call(() -> events.recordNote(PatientEvents.NOTE_ADDENDUM_ADDED, note, addendum.id()))
                            .replaceWith(note);
                }))
                .map(Guarded::orThrow)
                .invoke(note -> Log.infof("addendum added to note %s", note.id()))
                .chain(this::withAddenda);
    }

    /** A note with its addenda ({@code note.read}). */
    public Uni<NoteWithAddenda> get(Caller caller, UUID id) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, id, Operation.READ_CLINICAL, PatientAudit.NOTE_READ, now,
                                note -> Uni.createFrom().item(note))
                        .flatMap(guarded -> guarded.isAllowed()
                                ? addenda.ofNote(id).map(found -> Guarded.allowed(new NoteWithAddenda(guarded.value(), found)))
                                : Uni.createFrom().item(guarded.<NoteWithAddenda>map(note -> null))))
                .map(Guarded::orThrow);
    }

    /** Every saved content of the note, oldest first ({@code note.versions}). */
    public Uni<List<NoteVersion>> versions(Caller caller, UUID id) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> guarded(caller, id, Operation.READ_CLINICAL, PatientAudit.NOTE_VERSIONS, now,
                                note -> Uni.createFrom().item(note))
                        .flatMap(guarded -> guarded.isAllowed() ? versions.ofNote(id).map(Guarded::allowed)
                                : Uni.createFrom().item(guarded.<List<NoteVersion>>map(note -> null))))
                .map(Guarded::orThrow);
    }

    /** A patient's notes, newest first (one {@code note.list} record for the patient). */
    public Uni<List<Note>> ofPatient(Caller caller, UUID patientId) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL, PatientAudit.NOTE_LIST,
                                        PatientAudit.Target.patient(patientId), now)
                                .flatMap(guarded -> guarded.isAllowed() ? notes.ofPatient(patientId).map(Guarded::allowed)
                                        : Uni.createFrom().item(guarded.<List<Note>>map(decision -> null)))))
                .map(Guarded::orThrow);
    }

    /**
     * Drafts waiting for the calling doctor's signature, oldest first, of patients the doctor may still see;
     * one {@code note.list} record per note shown.
     */
    @WithTransaction
    public Uni<List<Note>> awaitingSignature(Caller caller) {
        if (!caller.hasRole(Roles.DOCTOR)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only doctors sign notes.");
        }
        Instant now = clock.instant();
        return notes.awaitingSignatureOf(caller.username(), config.awaitingLimit())
                .flatMap(drafts -> {
                    List<Note> shown = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Note note : drafts) {
                        chain = chain.chain(() -> patients.findById(note.patientId())
                                .flatMap(patient -> access.decide(caller, patient, Operation.READ_CLINICAL, now)
                                        .flatMap(decision -> {
                                            if (!decision.allowed()) {
                                                return Uni.createFrom().voidItem();
                                            }
                                            shown.add(note);
                                            return access.check(caller, patient, Operation.READ_CLINICAL,
                                                    PatientAudit.NOTE_LIST, target(note.id()), now).replaceWithVoid();
                                        })));
                    }
                    return chain.replaceWith(shown);
                });
    }

    /** The PDF of a signed note ({@code note.pdf}); a draft is 409. Rendered off the event loop. */
    public Uni<Pdf> pdf(Caller caller, UUID id, String clinicName) {
        Instant now = clock.instant();
        record Loaded(Note note, Patient patient, EncounterLookup.EncounterRef encounter, List<NoteAddendum> addenda) {
        }
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> notes.findById(id).map(NoteService::found)
                        .flatMap(note -> patients.findById(note.patientId()).map(PatientService::found)
                                .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                                PatientAudit.NOTE_PDF, target(id), now)
                                        .flatMap(guarded -> {
                                            if (!guarded.isAllowed()) {
                                                return Uni.createFrom().item(guarded.<Loaded>map(decision -> null));
                                            }
                                            if (note.status() != NoteStatus.SIGNED) {
                                                throw new dev.medi.patient.note.NoteStateException(
                                                        "Only signed notes are printed. Sign the note first.");
                                            }
                                            return encounters.find(note.encounterId())
                                                    .flatMap(encounter -> addenda.ofNote(id).map(found ->
                                                            Guarded.allowed(new Loaded(note, patient, encounter, found))));
                                        }))))
                .map(Guarded::orThrow)
                .chain(loaded -> Offload.blocking(() -> new Pdf(loaded.note(), NotePdf.render(
                        new NotePdf.Header(clinicName, loaded.patient().name(), loaded.patient().mrn(),
                                loaded.patient().birthDate(), loaded.encounter() == null ? null : loaded.encounter().startedAt()),
                        loaded.note(), loaded.addenda()))));
    }

    /**
     * Loads the note and its patient, checks and audits {@code action} against the note, then runs {@code work}
     * when allowed. Call inside a transaction.
     */
    private Uni<Guarded<Note>> guarded(Caller caller, UUID id, Operation operation, String action, Instant now,
                                       java.util.function.Function<Note, Uni<Note>> work) {
        return notes.findById(id).map(NoteService::found)
                .flatMap(note -> patients.findById(note.patientId()).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, operation, action, target(id), now))
                        .flatMap(guarded -> guarded.isAllowed() ? work.apply(note).map(Guarded::allowed)
                                : Uni.createFrom().item(guarded.<Note>map(decision -> null))));
    }

    /**
     * As {@link #guarded} for a signature (of the note or of an addendum): a signature the rules refuse (not a
     * doctor, sign-in too old) is audited as {@code denied} like a refusal by the access rule, so attempts with a
     * stale session show up in the audit log. State conflicts (409) and stale versions (412) are not audited.
     */
    private Uni<Guarded<Note>> signing(Caller caller, UUID id, String action, Instant now,
                                       java.util.function.Function<Note, Uni<Note>> work) {
        PatientAudit.Target target = target(id);
        return notes.findById(id).map(NoteService::found)
                .flatMap(note -> patients.findById(note.patientId()).map(PatientService::found)
                        .flatMap(patient -> access.decide(caller, patient, Operation.WRITE_CLINICAL, now)
                                .flatMap(decision -> {
                                    if (!decision.allowed()) {
                                        return access.check(caller, patient, Operation.WRITE_CLINICAL, action, target, now)
                                                .map(guarded -> guarded.<Note>map(allowed -> null));
                                    }
                                    Uni<Note> signed;
                                    try {
                                        signed = work.apply(note);
                                    } catch (NoteSignatureException refused) {
                                        return audit.record(caller, action, target, patient.id(), PatientAudit.DENIED, null)
                                                .replaceWith(Guarded.<Note>refused(signatureProblem(refused)));
                                    }
                                    return signed.call(() -> audit.record(caller, action, target, patient.id(),
                                            PatientAudit.SUCCESS, decision.auditBasis())).map(Guarded::allowed);
                                })));
    }

    @WithSession // called after the note's transaction: ArC intercepts this self-invocation
    Uni<NoteWithAddenda> withAddenda(Note note) {
        return addenda.ofNote(note.id()).map(found -> new NoteWithAddenda(note, found));
    }

    private RuntimeException signatureProblem(NoteSignatureException refused) {
        return refused.reauthenticationRequired()
                ? new ReauthenticationRequiredException(refused.getMessage(), config.signingMaxAuthAge())
                : new ProblemException(ProblemType.FORBIDDEN, refused.getMessage());
    }

    /**
     * Two writers passed the version check at once and the other committed first: Hibernate's optimistic lock
     * ({@code version}) or the database's refusal to change a signed note stopped this one.
     */
    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getSimpleName();
            if (type.equals("StaleObjectStateException") || type.equals("OptimisticLockException")
                    || (cause.getMessage() != null && cause.getMessage().contains("a signed clinical note cannot change"))) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException changedMeanwhile(Throwable failure) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The note was changed meanwhile. Reload it and apply your change again.");
    }

    private static PatientAudit.Target target(UUID noteId) {
        return new PatientAudit.Target(PatientAudit.TARGET_NOTE, noteId.toString());
    }

    private static void requireVersion(Note note, long expectedVersion) {
        if (note.version() != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The note was changed meanwhile. Reload it and apply your change again.");
        }
    }

    static Note found(Note note) {
        if (note == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No note with this id.");
        }
        return note;
    }
}
