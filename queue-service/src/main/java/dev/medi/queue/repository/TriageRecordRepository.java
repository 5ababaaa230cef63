package dev.medi.queue.repository;

import dev.medi.queue.TriageRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TriageRecordRepository implements PanacheRepositoryBase<TriageRecord, UUID> {

    public Uni<List<TriageRecord>> ofEntries(List<UUID> entryIds) {
        return find("entryId in ?1 order by assessedAt, id", entryIds).list();
    }
}
