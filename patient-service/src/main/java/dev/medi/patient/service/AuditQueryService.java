package dev.medi.patient.service;

import dev.medi.patient.access.AuditEntry;
import dev.medi.patient.repository.AuditEntryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The local audit log for admins: newest first, by patient, actor, action or outcome. */
@ApplicationScoped
public class AuditQueryService {

    private final AuditEntryRepository entries;

    AuditQueryService(AuditEntryRepository entries) {
        this.entries = entries;
    }

    /** Up to {@code size} entries older than {@code before} (an entry id; {@code null} for the newest). */
    @WithSession
    public Uni<List<AuditEntry>> page(AuditEntryRepository.Filter filter, UUID before, int size) {
        return entries.page(filter, before, size);
    }
}
