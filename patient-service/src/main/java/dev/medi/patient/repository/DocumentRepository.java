package dev.medi.patient.repository;

import dev.medi.patient.document.DocumentStatus;
import dev.medi.patient.document.Document;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /**
     * A page of the patient's current documents for the history: newest first by filing time then id, strictly
     * after ({@code afterAt}, {@code afterId}) when given. Documents entered in error are left out.
     */
    public Uni<List<Document>> historyPage(UUID patientId, java.time.Instant afterAt, UUID afterId, int limit) {
        if (afterAt == null) {
            return find("patientId = ?1 and status = ?2 order by createdAt desc, id desc", patientId, DocumentStatus.CURRENT)
                    .page(0, limit).list();
        }
        return find("patientId = ?1 and status = ?4 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                + "order by createdAt desc, id desc", patientId, afterAt, afterId, DocumentStatus.CURRENT).page(0, limit).list();
    }

    /** A patient's documents, newest first; {@code withEnteredInError} also those filed by mistake. */
    public Uni<List<Document>> ofPatient(UUID patientId, boolean withEnteredInError) {
        return withEnteredInError
                ? list("patientId = ?1 order by id desc", patientId)
                : list("patientId = ?1 and status = ?2 order by id desc", patientId, DocumentStatus.CURRENT);
    }
}
