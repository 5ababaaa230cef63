package dev.medi.patient.rest;

import dev.medi.patient.document.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * A document's metadata. {@code sha256} is the content's hash (also the download's ETag); {@code contentUrl}
 * where to download it. {@code enteredInError} only on documents filed by mistake (admins only ever see those).
 */
public record DocumentView(
        UUID id,
        UUID patientId,
        String title,
        String category,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String status,
        PatientView.EnteredInError enteredInError,
        Instant createdAt,
        String createdBy,
        String contentUrl) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id(), document.patientId(), document.title(), document.category(),
                document.fileName(), document.contentType(), document.sizeBytes(), document.contentHash(),
                document.status().code(),
                document.enteredInErrorAt() == null ? null : new PatientView.EnteredInError(document.enteredInErrorAt(),
                        document.enteredInErrorBy(), document.enteredInErrorReason()),
                document.createdAt(), document.createdBy(), "/api/v1/documents/" + document.id() + "/content");
    }
}
