package dev.medi.patient.document;

import dev.medi.patient.record.PatientStateException;
import jakarta.persistence.Convert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A file kept in a patient's record (a referral letter, a scanned lab result, an image): metadata here, the bytes
 * in {@code DocumentStorage} under their SHA-256 hash, so the same file uploaded twice is stored once and the
 * hash doubles as the download's ETag and an integrity check. Never deleted: a document filed by mistake is
 * marked {@link DocumentStatus#ENTERED_IN_ERROR} with a reason.
 */
@Entity
@Table(name = "documents")
public class Document {

    /** Longest title. */
    public static final int MAX_TITLE = 200;

    @Id
    private UUID id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private UUID patientId;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String category;

    @Column(name = "file_name", updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(name = "storage", nullable = false, updatable = false)
    private String storage;

    @Column(nullable = false)
    @Convert(converter = DocumentStatus.Column.class)
    private DocumentStatus status;

    @Column(name = "entered_in_error_at")
    private Instant enteredInErrorAt;

    @Column(name = "entered_in_error_by")
    private String enteredInErrorBy;

    @Column(name = "entered_in_error_reason")
    private String enteredInErrorReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected Document() {
        // for Hibernate
    }

    /**
     * A new current document.
     *
     * @param contentHash lower-case hex SHA-256 of the content
     * @param storage     which storage holds the bytes ({@code local}, {@code gcs})
     */
    public static Document file(UUID id, UUID patientId, String title, String category, String fileName,
                                DocumentContentType type, long sizeBytes, String contentHash, String storage,
                                String actor, Instant now) {
        if (contentHash == null || contentHash.length() != 64 || !isHex(contentHash)) {
            throw new IllegalArgumentException("content hash must be a hex SHA-256");
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("a document has content");
        }
        Document document = new Document();
        document.id = Objects.requireNonNull(id);
        document.patientId = Objects.requireNonNull(patientId);
        document.title = Objects.requireNonNull(title).strip();
        document.category = Objects.requireNonNull(category);
        document.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        document.contentType = type.mediaType();
        document.sizeBytes = sizeBytes;
        document.contentHash = contentHash;
        document.storage = Objects.requireNonNull(storage);
        document.status = DocumentStatus.CURRENT;
        document.createdAt = now;
        document.createdBy = Objects.requireNonNull(actor);
        return document;
    }

    /**
     * Marks the document as filed by mistake (wrong patient, wrong file). It stays, with the reason, and its
     * content is only served to admins from then on.
     *
     * @throws PatientStateException when it already is
     */
    public void markEnteredInError(String reason, String actor, Instant now) {
        if (status() == DocumentStatus.ENTERED_IN_ERROR) {
            throw new PatientStateException("The document is already marked entered in error.");
        }
        status = DocumentStatus.ENTERED_IN_ERROR;
        enteredInErrorAt = now;
        enteredInErrorBy = Objects.requireNonNull(actor);
        enteredInErrorReason = Objects.requireNonNull(reason).strip();
    }

    private static boolean isHex(String value) {
        try {
            HexFormat.of().parseHex(value);
            return value.equals(value.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public String title() {
        return title;
    }

    public String category() {
        return category;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String contentHash() {
        return contentHash;
    }

    public String storage() {
        return storage;
    }

    public DocumentStatus status() {
        return status;
    }

    public Instant enteredInErrorAt() {
        return enteredInErrorAt;
    }

    public String enteredInErrorBy() {
        return enteredInErrorBy;
    }

    public String enteredInErrorReason() {
        return enteredInErrorReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public long version() {
        return version;
    }
}
