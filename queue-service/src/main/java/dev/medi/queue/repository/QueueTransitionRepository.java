package dev.medi.queue.repository;

import dev.medi.queue.QueueTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class QueueTransitionRepository implements PanacheRepositoryBase<QueueTransition, UUID> {

    public Uni<List<QueueTransition>> ofEntries(List<UUID> entryIds) {
        return find("entryId in ?1 order by at, id", entryIds).list();
    }
}
