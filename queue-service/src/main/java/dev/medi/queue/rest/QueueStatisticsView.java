package dev.medi.queue.rest;

import dev.medi.queue.repository.QueueStatisticsRepository;
import dev.medi.queue.service.QueueStatisticsService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A department's day for the operations dashboard. "Of the day" means arrived within {@code from}–{@code to} (the
 * date's midnight to midnight in {@code zone}), except where a field says otherwise.
 *
 * @param waitingNow           entries waiting (arrived or triaged) at {@code generatedAt}, whatever day they came
 * @param slaBreaches          entries whose waiting-time target was breached within the day
 * @param waits                arrival to call (or to the consultation's start) of the day's entries seen so far
 * @param arrivalsPerHour      24 buckets by the wall-clock hour of arrival in {@code zone}
 * @param finishedPerHour      24 buckets by the hour a consultation finished within the day
 * @param leftWithoutBeingSeen the day's entries that left without being seen; rate = count / arrived
 * @param triageOverrides      of the day's triaged entries (their latest triage), those whose final level differs
 *                             from the engine's proposal; rate = overridden / triaged
 * @param totals               the day's entries by how they ended so far
 */
public record QueueStatisticsView(
        UUID departmentId,
        LocalDate date,
        String zone,
        Instant from,
        Instant to,
        Instant generatedAt,
        CountsByLevel waitingNow,
        CountsByLevel slaBreaches,
        WaitsByLevel waits,
        List<HourCount> arrivalsPerHour,
        List<HourCount> finishedPerHour,
        Rate leftWithoutBeingSeen,
        TriageOverrides triageOverrides,
        Totals totals) {

    /** {@code byEsi}: always levels 1 to 5 in order. */
    public record CountsByLevel(long total, long untriaged, List<LevelCount> byEsi) {
    }

    public record LevelCount(int esiLevel, long count) {
    }

    /** {@code byEsi}: always levels 1 to 5 in order; {@code untriaged}: called before a triage. */
    public record WaitsByLevel(Wait all, Wait untriaged, List<LevelWait> byEsi) {
    }

    /** Seconds, rounded; {@code null} when nobody was seen. */
    public record Wait(long seen, Long medianSeconds, Long p90Seconds) {
    }

    public record LevelWait(int esiLevel, long seen, Long medianSeconds, Long p90Seconds) {
    }

    /** {@code hour}: 0–23, the wall-clock hour in the zone. */
    public record HourCount(int hour, long count) {
    }

    /** {@code rate}: 0–1, {@code null} when nothing arrived. */
    public record Rate(long count, Double rate) {
    }

    /** {@code rate}: 0–1, {@code null} when nobody was triaged. */
    public record TriageOverrides(long triaged, long overridden, Double rate) {
    }

    public record Totals(long arrived, long finished, long cancelled, long transferred, long noShow,
                         long leftWithoutBeingSeen) {
    }

    static QueueStatisticsView of(QueueStatisticsService.Statistics statistics) {
        List<QueueStatisticsRepository.LevelFigures> levels = statistics.levels();
        QueueStatisticsRepository.DayFigures day = statistics.day();
        QueueStatisticsRepository.LevelFigures all = level(levels, null);
        QueueStatisticsRepository.LevelFigures untriaged = level(levels, 0);
        List<QueueStatisticsRepository.LevelFigures> esi = IntStream.rangeClosed(1, 5).mapToObj(n -> level(levels, n)).toList();
        return new QueueStatisticsView(statistics.departmentId(), statistics.date(), statistics.zone().getId(),
                statistics.from(), statistics.to(), statistics.generatedAt(),
                new CountsByLevel(all.waitingNow(), untriaged.waitingNow(),
                        esi.stream().map(f -> new LevelCount(f.level(), f.waitingNow())).toList()),
                new CountsByLevel(all.slaBreaches(), untriaged.slaBreaches(),
                        esi.stream().map(f -> new LevelCount(f.level(), f.slaBreaches())).toList()),
                new WaitsByLevel(wait(all), wait(untriaged), esi.stream().map(f -> new LevelWait(f.level(), f.seen(),
                        seconds(f.medianWaitSeconds()), seconds(f.p90WaitSeconds()))).toList()),
                hours(day.arrivalsPerHour()), hours(day.finishedPerHour()),
                new Rate(day.leftWithoutBeingSeen(), rate(day.leftWithoutBeingSeen(), day.arrived())),
                new TriageOverrides(day.triaged(), day.overridden(), rate(day.overridden(), day.triaged())),
                new Totals(day.arrived(), day.finished(), day.cancelled(), day.transferred(), day.noShow(),
                        day.leftWithoutBeingSeen()));
    }

    /** The figures of a level; a level without any row is all zeros. */
    private static QueueStatisticsRepository.LevelFigures level(List<QueueStatisticsRepository.LevelFigures> levels,
                                                                 Integer level) {
        return levels.stream().filter(f -> java.util.Objects.equals(f.level(), level)).findFirst()
                .orElse(new QueueStatisticsRepository.LevelFigures(level, 0, 0, 0, null, null));
    }

    private static Wait wait(QueueStatisticsRepository.LevelFigures figures) {
        return new Wait(figures.seen(), seconds(figures.medianWaitSeconds()), seconds(figures.p90WaitSeconds()));
    }

    private static Long seconds(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static Double rate(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    private static List<HourCount> hours(List<Long> counts) {
        return IntStream.range(0, counts.size()).mapToObj(hour -> new HourCount(hour, counts.get(hour))).toList();
    }
}
