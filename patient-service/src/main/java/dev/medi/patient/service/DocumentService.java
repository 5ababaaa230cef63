package dev.medi.patient.service;

import dev.medi.patient.access.AccessPolicy.Operation;
import dev.medi.patient.document.Document;
import dev.medi.patient.document.DocumentContentType;
import dev.medi.patient.document.DocumentStatus;
import dev.medi.patient.config.DocumentConfig;
import dev.medi.patient.repository.DocumentRepository;
import dev.medi.patient.repository.PatientRepository;
import dev.medi.patient.storage.DocumentStorage;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.TimeOrderedIds;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.platform.defaults.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents in a patient's record: filing (validated type and size, bytes stored by hash), listing, reading the
 * metadata, downloading and marking entered in error. Documents are clinical data ({@link Operation#READ_CLINICAL},
 * {@link Operation#WRITE_CLINICAL}): clinical staff of the patient's departments (or under break-glass) and
 * admins; never the front desk. Every access is audited per document ({@code document.*}), a list per patient.
 */
@ApplicationScoped
public class DocumentService {

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final int MAX_FILE_NAME = 255;

    /** What a client sends to file a document. */
    public record Upload(String title, String category, String fileName, String declaredType, byte[] content) {
    }

    /** A document with its bytes, as downloaded. */
    public record Content(Document document, byte[] bytes) {
    }

    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final PatientAccess access;
    private final PatientAudit audit;
    private final DocumentStorage storage;
    private final DocumentConfig config;
    private final Clock clock = Clock.systemUTC();

    DocumentService(DocumentRepository documents, PatientRepository patients, PatientAccess access, PatientAudit audit,
                    DocumentStorage storage, DocumentConfig config) {
        this.documents = documents;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.storage = storage;
        this.config = config;
    }

    /**
     * Files a document. Checked in this order, nothing stored on any failure: fields (400), size (413), type and
     * signature (415), access (403, audited as denied). Then the bytes go to the storage (skipped when a blob with
     * the same hash exists) and the row is written with its audit record. A row that fails after the blob was
     * written leaves an unreferenced blob, harmless since blobs are immutable and addressed by content.
     */
    public Uni<Document> upload(Caller caller, UUID patientId, Upload upload) {
        DocumentContentType type = validate(upload);
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        PatientAudit.Target target = new PatientAudit.Target(PatientAudit.TARGET_DOCUMENT, id.toString());
        byte[] content = upload.content();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.decide(caller, patient, Operation.WRITE_CLINICAL, now)
                                .flatMap(decision -> decision.allowed() ? Uni.createFrom().item(Guarded.allowed(decision))
                                        : access.check(caller, patient, Operation.WRITE_CLINICAL,
                                        PatientAudit.DOCUMENT_CREATE, target, now))))
                .map(Guarded::orThrow)
                .chain(() -> Offload.blocking(() -> {
                    String hash = sha256(content);
                    boolean written = storage.put(hash, content, type.mediaType());
                    Log.infof("document %s blob %s", id, written ? "stored" : "already stored");
                    return hash;
                }))
                // programmatic: the content is hashed off the event loop between the check and the filing transaction
                .chain(hash -> Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                        PatientAudit.DOCUMENT_CREATE, target, now)
                                .flatMap(guarded -> {
                                    if (!guarded.isAllowed()) {
                                        return Uni.createFrom().item(guarded.<Document>map(decision -> null));
                                    }
                                    Document document = Document.file(id, patientId, upload.title(), upload.category(),
                                            upload.fileName(), type, content.length, hash, storage.name(),
                                            caller.username(), now);
                                    return documents.persist(document).replaceWith(Guarded.allowed(document));
                                }))))
                .map(Guarded::orThrow)
                .invoke(document -> Log.infof("filed document %s for patient %s", document.id(), patientId));
    }

    /** A patient's documents, newest first; those entered in error only for admins. One audit record. */
    public Uni<List<Document>> list(Caller caller, UUID patientId) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> patients.findById(patientId).map(PatientService::found)
                        .flatMap(patient -> access.check(caller, patient, Operation.READ_CLINICAL,
                                        PatientAudit.DOCUMENT_LIST, PatientAudit.Target.patient(patientId), now)
                                .flatMap(guarded -> guarded.isAllowed()
                                        ? documents.ofPatient(patientId, caller.hasRole(Roles.ADMIN)).map(Guarded::allowed)
                                        : Uni.createFrom().item(guarded.<List<Document>>map(decision -> null)))))
                .map(Guarded::orThrow);
    }

    /** One document's metadata ({@code document.read}). */
    public Uni<Document> get(Caller caller, UUID id) {
        return guarded(caller, id, Operation.READ_CLINICAL, PatientAudit.DOCUMENT_READ);
    }

    /**
     * The document's bytes ({@code document.download}), read from the storage off the event loop and checked
     * against the recorded hash. {@code ifNoneMatch}: the client's cached hash; when it is current the bytes are
     * not read ({@code bytes} is null: 304). Audited either way.
     */
    public Uni<Content> content(Caller caller, UUID id, String ifNoneMatch) {
        return guarded(caller, id, Operation.READ_CLINICAL, PatientAudit.DOCUMENT_DOWNLOAD)
                .chain(document -> {
                    if (document.contentHash().equals(ifNoneMatch)) {
                        return Uni.createFrom().item(new Content(document, null));
                    }
                    return Offload.blocking(() -> storage.get(document.contentHash())).map(bytes -> {
                        if (!sha256(bytes).equals(document.contentHash())) {
                            Log.errorf("document %s: stored bytes do not match their hash", document.id());
                            throw new ProblemException(ProblemType.INTERNAL,
                                    "The stored document is damaged. Quote the request id to the support.");
                        }
                        return new Content(document, bytes);
                    });
                });
    }

    /** Marks a document filed by mistake; it stays, with the reason (admins still see it). */
    public Uni<Document> markEnteredInError(Caller caller, UUID id, String reason) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> documents.findById(id).map(DocumentService::found)
                        .flatMap(document -> patients.findById(document.patientId()).map(PatientService::found)
                                .flatMap(patient -> access.check(caller, patient, Operation.WRITE_CLINICAL,
                                                PatientAudit.DOCUMENT_ENTERED_IN_ERROR, targetOf(document), now)
                                        .map(guarded -> guarded.map(decision -> {
                                            document.markEnteredInError(reason, caller.username(), now);
                                            return document;
                                        })))))
                .map(Guarded::orThrow)
                .invoke(document -> Log.infof("document %s marked entered-in-error", document.id()));
    }

    /**
     * Loads the document and its patient and audits {@code action}: refused by the access rule, or gone (entered in
     * error, for everyone but admins) — both audited as denied.
     */
    private Uni<Document> guarded(Caller caller, UUID id, Operation operation, String action) {
        Instant now = clock.instant();
        // programmatic: a refusal is thrown after the audit record of the refused access committed (Guarded)
        return Panache.withTransaction(() -> documents.findById(id).map(DocumentService::found)
                        .flatMap(document -> patients.findById(document.patientId()).map(PatientService::found)
                                .flatMap(patient -> {
                                    if (document.status() == DocumentStatus.ENTERED_IN_ERROR && !caller.hasRole(Roles.ADMIN)) {
                                        return audit.record(caller, action, targetOf(document), patient.id(),
                                                        PatientAudit.DENIED, null)
                                                .replaceWith(Guarded.<Document>refused(
                                                        new RecordGoneException("This document was entered in error.")));
                                    }
                                    return access.check(caller, patient, operation, action, targetOf(document), now)
                                            .map(guarded -> guarded.map(decision -> document));
                                })))
                .map(Guarded::orThrow);
    }

    private static PatientAudit.Target targetOf(Document document) {
        return new PatientAudit.Target(PatientAudit.TARGET_DOCUMENT, document.id().toString());
    }

    private DocumentContentType validate(Upload upload) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (upload.title() == null || upload.title().isBlank()) {
            errors.add(new Problem.FieldError("title", "must not be blank"));
        } else if (upload.title().strip().length() > Document.MAX_TITLE) {
            errors.add(new Problem.FieldError("title", "size must be between 1 and " + Document.MAX_TITLE));
        }
        if (upload.category() == null || !CATEGORY.matcher(upload.category()).matches()) {
            errors.add(new Problem.FieldError("category",
                    "must be 2-40 lower-case letters, digits or hyphens, e.g. referral, lab-result"));
        }
        if (upload.fileName() != null && (upload.fileName().length() > MAX_FILE_NAME
                || upload.fileName().chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\'))) {
            errors.add(new Problem.FieldError("fileName", "must be a plain file name of at most 255 characters"));
        }
        if (upload.content() == null || upload.content().length == 0) {
            errors.add(new Problem.FieldError("content", "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The document has invalid fields.", errors);
        }
        long limit = config.maxSize().asLongValue();
        if (upload.content().length > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "A document may have at most " + limit / 1024 + " KiB.");
        }
        DocumentContentType type = DocumentContentType.ofMediaType(upload.declaredType()).orElseThrow(() ->
                new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Documents are PDF (application/pdf), PNG (image/png) or JPEG (image/jpeg)."));
        if (!type.matches(upload.content())) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The content is not a " + type.name() + " file although it was sent as " + type.mediaType() + ".");
        }
        return type;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document found(Document document) {
        if (document == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No document with this id.");
        }
        return document;
    }
}
