package dev.medi.patient.service;

import dev.medi.patient.service.SearchCursor.Keyset;
import dev.medi.patient.repository.DocumentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Current documents in the patient's history ({@link PatientHistoryService}), at the time they were filed. */
@ApplicationScoped
class DocumentHistorySource implements HistorySource {

    private final DocumentRepository documents;

    DocumentHistorySource(DocumentRepository documents) {
        this.documents = documents;
    }

    @Override
    public String kind() {
        return "document";
    }

    @Override
    public Uni<List<Item>> page(UUID patientId, Keyset after, int limit) {
        return documents.historyPage(patientId, after == null ? null : after.at(), after == null ? null : after.id(), limit)
                .map(found -> found.stream().map(document -> new Item(kind(), document.id(), document.createdAt(), document))
                        .toList());
    }
}
