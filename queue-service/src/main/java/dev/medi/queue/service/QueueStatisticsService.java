package dev.medi.queue.service;

import dev.medi.platform.defaults.Problem;
import dev.medi.platform.defaults.ProblemException;
import dev.medi.platform.defaults.ProblemType;
import dev.medi.platform.defaults.security.Caller;
import dev.medi.queue.QueueEntry;
import dev.medi.queue.repository.QueueEntryRepository;
import dev.medi.queue.repository.QueueStatisticsRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * A department's day for the operations dashboard: its statistics and its ended entries. A day is a date's midnight
 * to the next midnight in an IANA zone ({@code UTC} unless given; 23 or 25 hours on a daylight-saving change).
 */
@ApplicationScoped
public class QueueStatisticsService {

    /** A date in a zone, as the query gave it. */
    public record Day(LocalDate date, ZoneId zone, Instant from, Instant to) {
    }

    public record Statistics(UUID departmentId, LocalDate date, ZoneId zone, Instant from, Instant to,
                             Instant generatedAt, List<QueueStatisticsRepository.LevelFigures> levels,
                             QueueStatisticsRepository.DayFigures day) {
    }

    /** Entries of one page, and how many were asked for (one more was read to see whether another page follows). */
    public record EndedPage(List<QueueEntry> entries, boolean more) {
    }

    private final DepartmentDirectory departments;
    private final QueueStatisticsRepository statistics;
    private final QueueEntryRepository entries;
    private final Clock clock = Clock.systemUTC();

    QueueStatisticsService(DepartmentDirectory departments, QueueStatisticsRepository statistics,
                           QueueEntryRepository entries) {
        this.departments = departments;
        this.statistics = statistics;
        this.entries = entries;
    }

    /**
     * @param date ISO date ({@code YYYY-MM-DD}) or {@code null} for today in {@code zone}
     * @param zone IANA zone id or {@code null} for UTC
     * @throws ProblemException 400 naming the field that is not a date or a zone
     */
    public Day day(String date, String zone) {
        // IANA region ids only: PostgreSQL reads a bare offset such as "+05:30" as POSIX, with the sign inverted
        String zoneName = zone == null || zone.isBlank() ? "UTC" : zone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(zoneName)) {
            throw invalid("zone", "is not an IANA time zone (e.g. Europe/Berlin)");
        }
        ZoneId zoneId = ZoneId.of(zoneName);
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(zoneId)) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw invalid("date", "is not a date (YYYY-MM-DD)");
        }
        return new Day(day, zoneId, day.atStartOfDay(zoneId).toInstant(), day.plusDays(1).atStartOfDay(zoneId).toInstant());
    }

    /** The {@code before} of a page query; JAX-RS would answer an unparsable UUID with 404. */
    public UUID cursor(String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(before.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("before", "is not an entry id");
        }
    }

    /** The day's figures (two statements, see {@link QueueStatisticsRepository}). */
    public Uni<Statistics> statistics(Caller caller, UUID departmentId, Day day) {
        caller.requireDepartment(departmentId);
        Instant now = clock.instant();
        return departments.active(departmentId)
                .chain(() -> statistics.byLevel(departmentId, day.from(), day.to()))
                .flatMap(levels -> statistics.day(departmentId, day.from(), day.to(), day.zone())
                        .map(figures -> new Statistics(departmentId, day.date(), day.zone(), day.from(), day.to(), now,
                                levels, figures)));
    }

    /**
     * The entries that ended within the day (finished, transferred, left, no-show, cancelled), newest first.
     *
     * @param before the last entry of the previous page, or {@code null}
     */
    @WithSession
    public Uni<EndedPage> ended(Caller caller, UUID departmentId, Day day, UUID before, int limit) {
        caller.requireDepartment(departmentId);
        return departments.active(departmentId)
                .chain(() -> before == null ? Uni.createFrom().nullItem() : entries.findById(before).invoke(cursor -> {
                    if (cursor == null || !cursor.departmentId().equals(departmentId) || cursor.endedAt() == null) {
                        throw invalid("before", "is not an ended entry of this department");
                    }
                }))
                .flatMap(cursor -> entries.ended(departmentId, day.from(), day.to(), cursor, limit + 1))
                .map(found -> new EndedPage(found.stream().limit(limit).toList(), found.size() > limit));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The query has invalid parameters.",
                List.of(new Problem.FieldError(field, message)));
    }
}
