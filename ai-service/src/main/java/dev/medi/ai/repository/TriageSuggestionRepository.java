package dev.medi.ai.repository;

import dev.medi.ai.triage.TriageSuggestion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class TriageSuggestionRepository implements PanacheRepositoryBase<TriageSuggestion, UUID> {

    /** The newest suggestion of a queue entry, or {@code null}. */
    public Uni<TriageSuggestion> latestOfEntry(UUID queueEntryId) {
        return find("queueEntryId = ?1 order by createdAt desc, id desc", queueEntryId).firstResult();
    }

    public Uni<Boolean> hasCheckInSuggestion(UUID queueEntryId) {
        return count("queueEntryId = ?1 and source = ?2", queueEntryId, TriageSuggestion.SOURCE_CHECK_IN)
                .map(n -> n > 0);
    }

    /**
     * Clears the nurse's side of the entry's other suggestions: only the one the latest triage was joined with
     * counts, so an entry counts once in the agreement figures.
     */
    public Uni<Integer> unjoinOthers(UUID queueEntryId, UUID joined) {
        return update("nurseLevel = null, nurseAssessedAt = null, triageAssessmentId = null, outcome = null"
                + " where queueEntryId = ?1 and id <> ?2 and outcome is not null", queueEntryId, joined);
    }

    /** Joined suggestions of a department per outcome, by the time of the nurse's triage in [from, to). */
    public Uni<Map<String, Long>> outcomes(UUID departmentId, Instant from, Instant to) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                        "select outcome, count(*) from TriageSuggestion where departmentId = ?1 and outcome is not null"
                                + " and nurseAssessedAt >= ?2 and nurseAssessedAt < ?3 group by outcome", Object[].class)
                .setParameter(1, departmentId).setParameter(2, from).setParameter(3, to)
                .getResultList())
                .map(TriageSuggestionRepository::byOutcome);
    }

    /** Suggestions made for a department in [from, to). */
    public Uni<Long> made(UUID departmentId, Instant from, Instant to) {
        return count("departmentId = ?1 and createdAt >= ?2 and createdAt < ?3", departmentId, from, to);
    }

    private static Map<String, Long> byOutcome(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
