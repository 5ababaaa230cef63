package dev.medi.ai.rest;

import dev.medi.ai.service.TriageSuggestionService;
import dev.medi.ai.triage.TriageOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A department's triage-assistant figures of one day, for the admin dashboard: suggestions made that day, and the
 * nurse triages of that day joined with a suggestion (each queue entry once: its latest triage with its latest
 * suggestion), split into agreement, under-triage (suggestion less urgent than the nurse's final level) and
 * over-triage (more urgent). Rates are count ÷ triaged, {@code null} when nothing was triaged.
 */
public record TriageAgreementView(
        UUID departmentId,
        LocalDate date,
        String zone,
        Instant from,
        Instant to,
        long suggestions,
        long triaged,
        Figure agreement,
        Figure underTriage,
        Figure overTriage) {

    /** A count and its share of the triaged entries. */
    public record Figure(long count, Double rate) {
    }

    public static TriageAgreementView of(TriageSuggestionService.Agreement a) {
        long agreement = a.outcomes().getOrDefault(TriageOutcome.AGREEMENT.code(), 0L);
        long under = a.outcomes().getOrDefault(TriageOutcome.UNDER_TRIAGE.code(), 0L);
        long over = a.outcomes().getOrDefault(TriageOutcome.OVER_TRIAGE.code(), 0L);
        long triaged = agreement + under + over;
        return new TriageAgreementView(a.departmentId(), a.date(), a.zone().getId(), a.from(), a.to(), a.suggestions(),
                triaged, figure(agreement, triaged), figure(under, triaged), figure(over, triaged));
    }

    private static Figure figure(long count, long of) {
        return new Figure(count, of == 0 ? null : (double) count / of);
    }
}
