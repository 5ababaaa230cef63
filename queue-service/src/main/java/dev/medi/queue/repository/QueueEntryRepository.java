package dev.medi.queue.repository;

import dev.medi.queue.QueueEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class QueueEntryRepository implements PanacheRepositoryBase<QueueEntry, UUID> {
}
