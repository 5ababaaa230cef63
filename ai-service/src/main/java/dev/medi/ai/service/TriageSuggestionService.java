package dev.medi.ai.service;

import dev.medi.ai.repository.TriageSuggestionRepository;
import dev.medi.ai.triage.TriageAdvice;
import dev.medi.ai.triage.TriageAdvisor;
import dev.medi.ai.triage.TriageCombination;
import dev.medi.ai.triage.TriageComplaints;
import dev.medi.ai.triage.TriageOutcome;
import dev.medi.ai.triage.TriageQuestion;
import dev.medi.ai.triage.TriageSuggestion;
import dev.medi.ai.triage.TriageVitals;
import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.triage.Vitals;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The triage assistant's use cases: a suggestion on request (the triage form) or for a check-in (the queue-events
 * consumer), each stored; the nurse's final level joined to the entry's latest suggestion; the agreement figures.
 *
 * <p>A suggestion combines the {@link TriageAdvisor}'s answer for the chief complaint and age with the ESI rule
 * engine's answer for the vitals ({@link TriageCombination}: the more urgent of the two; the rule engine is the
 * floor). The advisor is injected through its interface: today the offline rules ({@code OfflineTriageAdvisor}),
 * the engine router (offline or Gemini with fallback) once it is there. It is called on a worker thread, so an
 * engine that blocks on the network never holds the event loop; ages over 89 reach it as 90.
 */
@ApplicationScoped
public class TriageSuggestionService {

    /** Ages above this reach the advisor as {@value #OLDEST_AGE_SENT}: an age that old identifies. */
    static final int OLDEST_AGE_SENT = 90;

    /** What a suggestion is made from. */
    public record Request(UUID departmentId, UUID queueEntryId, String chiefComplaint, Integer ageYears,
                          TriageVitals vitals) {
    }

    /** A day of one department's agreement figures. */
    public record Agreement(UUID departmentId, LocalDate date, ZoneId zone, Instant from, Instant to,
                            long suggestions, Map<String, Long> outcomes) {
    }

    private final TriageAdvisor advisor;
    private final TriageSuggestionRepository suggestions;
    private final TriageMetrics metrics;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();

    TriageSuggestionService(TriageAdvisor advisor, TriageSuggestionRepository suggestions, TriageMetrics metrics,
                            Vertx vertx) {
        this.advisor = advisor;
        this.suggestions = suggestions;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** A suggestion for the triage form, stored. The caller must work in the department. */
    public Uni<TriageSuggestion> suggest(Caller caller, Request request) {
        caller.requireDepartment(request.departmentId());
        Vitals vitals = engineVitals(request.vitals());
        if (TriageComplaints.isBlank(request.chiefComplaint())) {
            throw invalid("chiefComplaint", "must contain words");
        }
        return make(request, vitals, TriageSuggestion.SOURCE_REQUEST, caller.username())
                .flatMap(this::store);
    }

    private Uni<TriageSuggestion> store(TriageSuggestion suggestion) {
        return Panache.withTransaction(() -> suggestions.persist(suggestion))
                .invoke(stored -> metrics.suggested(stored.departmentId(), stored.source(), stored.advisorEngine(),
                        stored.suggestedLevel()));
    }

    /** The newest suggestion of a queue entry; 404 when there is none, 403 for another department's entry. */
    @WithSession
    public Uni<TriageSuggestion> latest(Caller caller, UUID queueEntryId) {
        return suggestions.latestOfEntry(queueEntryId).map(found -> {
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no triage suggestion for this queue entry.");
            }
            caller.requireDepartment(found.departmentId());
            return found;
        });
    }

    /**
     * For a check-in with a chief complaint (inside the consumer's transaction): a suggestion without age or vitals
     * (neither is known at the desk), once per entry.
     */
    public Uni<Void> suggestForCheckIn(UUID departmentId, UUID queueEntryId, String chiefComplaint) {
        return suggestions.hasCheckInSuggestion(queueEntryId).flatMap(exists -> {
            if (exists) {
                return Uni.createFrom().voidItem();
            }
            Request request = new Request(departmentId, queueEntryId, chiefComplaint, null, null);
            return make(request, Vitals.notMeasured(), TriageSuggestion.SOURCE_CHECK_IN, null)
                    .flatMap(suggestion -> suggestions.persist(suggestion)
                            .invoke(stored -> metrics.suggested(departmentId, stored.source(), stored.advisorEngine(),
                                    stored.suggestedLevel())))
                    .replaceWithVoid();
        });
    }

    /**
     * Joins the nurse's triage (inside the consumer's transaction) with the entry's newest suggestion; the entry's
     * other suggestions lose an earlier join, so each entry counts once. Nothing to join: nothing happens.
     */
    public Uni<Void> joinTriage(UUID queueEntryId, UUID assessmentId, int finalLevel, Instant assessedAt) {
        return suggestions.latestOfEntry(queueEntryId).flatMap(suggestion -> {
            if (suggestion == null) {
                Log.debugf("triage of entry %s: no suggestion to join", queueEntryId);
                return Uni.createFrom().voidItem();
            }
            if (!suggestion.joinNurseTriage(assessmentId, finalLevel, assessedAt)) {
                return Uni.createFrom().voidItem();
            }
            TriageOutcome outcome = TriageOutcome.ofCode(suggestion.outcome());
            return suggestions.unjoinOthers(queueEntryId, suggestion.id())
                    .invoke(() -> metrics.joined(suggestion.departmentId(), outcome))
                    .replaceWithVoid();
        });
    }

    /** A day's figures for the admin dashboard: suggestions made, joined triages per outcome. */
    @WithSession
    public Uni<Agreement> agreement(Caller caller, UUID departmentId, LocalDate date, ZoneId zone) {
        caller.requireDepartment(departmentId);
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        return suggestions.made(departmentId, from, to)
                .flatMap(made -> suggestions.outcomes(departmentId, from, to)
                        .map(outcomes -> new Agreement(departmentId, date, zone, from, to, made, outcomes)));
    }

    /** The day of {@code date} ({@code YYYY-MM-DD}, required) in {@code zone} (IANA, default UTC). */
    public static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw invalid("date", "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw invalid("date", "is not a date (YYYY-MM-DD)");
        }
    }

    /** An IANA time zone, UTC when not given. */
    public static ZoneId zone(String zone) {
        String name = zone == null || zone.isBlank() ? "UTC" : zone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw invalid("zone", "is not an IANA time zone (e.g. Europe/Berlin)");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw invalid("zone", "is not an IANA time zone (e.g. Europe/Berlin)");
        }
    }

    /** A UUID from a query parameter (JAX-RS would answer an unparsable one with 404). */
    public static UUID id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "is not an id");
        }
    }

    private Uni<TriageSuggestion> make(Request request, Vitals vitals, String source, String requestedBy) {
        Integer age = request.ageYears();
        TriageQuestion question = new TriageQuestion(request.chiefComplaint(),
                age == null ? null : Math.min(age, OLDEST_AGE_SENT));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // on a worker thread (an engine may block on the network); the answer comes back on this context
        return vertx.executeBlocking(Uni.createFrom().item(() -> advisor.adviseTriage(question)))
                .map(advice -> TriageSuggestion.of(request.departmentId(), request.queueEntryId(), source, requestedBy,
                        request.chiefComplaint(), age, request.vitals(), combine(advice, age, vitals, today),
                        clock.instant()));
    }

    private static TriageCombination.Combined combine(TriageAdvice advice, Integer age, Vitals vitals, LocalDate today) {
        try {
            return TriageCombination.combine(advice, age, vitals, today);
        } catch (IllegalArgumentException e) {
            // the engine's messages name the field, never the value
            throw new ProblemException(ProblemType.VALIDATION, e.getMessage());
        }
    }

    private static Vitals engineVitals(TriageVitals vitals) {
        if (vitals == null) {
            return Vitals.notMeasured();
        }
        try {
            return vitals.toEngine();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, e.getMessage());
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has invalid fields.",
                List.of(new Problem.FieldError(field, message)));
    }
}
