package dev.medi.patient.repository;

import dev.medi.patient.Document;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    /** A patient's documents, newest first; {@code withEnteredInError} also those filed by mistake. */
    public Uni<List<Document>> ofPatient(UUID patientId, boolean withEnteredInError) {
        return withEnteredInError
                ? list("patientId = ?1 order by id desc", patientId)
                : list("patientId = ?1 and status = 'current' order by id desc", patientId);
    }
}
