package dev.medi.ai.repository;

import dev.medi.ai.job.ScribeJob;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScribeJobRepository implements PanacheRepositoryBase<ScribeJob, UUID> {

    /**
     * Inside a transaction: locks the oldest job a worker may take — queued, or running with its lease passed (its
     * worker died) — skipping jobs other workers hold locked, and loads it; {@code null} when there is none.
     */
    public Uni<ScribeJob> claimNext(Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        select id from scribe_jobs
                         where state = 'queued' or (state = 'running' and lease_until < ?1)
                         order by id
                         limit 1
                         for update skip locked""", UUID.class)
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : findById(ids.get(0)));
    }

    /** Inside a transaction: the job, locked against a worker or a cancel changing it meanwhile. */
    public Uni<ScribeJob> lock(UUID id) {
        return findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** The encounter's jobs, newest first, at most {@code limit}. */
    public Uni<List<ScribeJob>> ofEncounter(UUID encounterId, int limit) {
        return find("encounterId = ?1 order by id desc", encounterId).page(0, limit).list();
    }

    /** The patient's jobs, newest first, at most {@code limit}. */
    public Uni<List<ScribeJob>> ofPatient(UUID patientId, int limit) {
        return find("patientId = ?1 order by id desc", patientId).page(0, limit).list();
    }
}
