package dev.medi.queue.repository;

import dev.medi.platform.events.QueueStatuses;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A department's day in figures, computed by PostgreSQL in two statements (nothing is loaded entry by entry):
 * one row per ESI level, and one row of totals, hourly counts and the triage override count.
 */
@ApplicationScoped
public class QueueStatisticsRepository {

    /**
     * Per level (0 = not triaged; {@code null} = all levels together): waiting now, breaches of the day, and the
     * waits of the day's entries seen.
     */
    public record LevelFigures(Integer level, long waitingNow, long slaBreaches, long seen, Double medianWaitSeconds,
                               Double p90WaitSeconds) {
    }

    /** The day's totals (of the entries that arrived that day), the hourly counts, and triage overrides. */
    public record DayFigures(long arrived, long finished, long cancelled, long transferred, long noShow,
                             long leftWithoutBeingSeen, long triaged, long overridden, List<Long> arrivalsPerHour,
                             List<Long> finishedPerHour) {
    }

    /**
     * $1 department, $2 start of the day, $3 end of the day. Waiting now: the department's queue at this moment,
     * whatever day it arrived. Breaches: marked within the day. Waits: arrival to the call (or to the consultation's
     * start when it was started without a call) of the entries that arrived within the day.
     */
    private static final String BY_LEVEL = """
            select (case when grouping(coalesce(esi_level, 0)) = 1 then null else coalesce(esi_level, 0) end)::int as level,
                   count(*) filter (where status in (%1$s)) as waiting_now,
                   count(*) filter (where sla_breached_at >= $2 and sla_breached_at < $3) as sla_breaches,
                   count(*) filter (where of_day and seen_at is not null) as seen,
                   percentile_cont(0.5) within group (order by extract(epoch from seen_at - arrived_at))
                       filter (where of_day and seen_at is not null) as median_wait,
                   percentile_cont(0.9) within group (order by extract(epoch from seen_at - arrived_at))
                       filter (where of_day and seen_at is not null) as p90_wait
              from (select esi_level, status, arrived_at, sla_breached_at,
                           coalesce(called_at, consultation_started_at) as seen_at,
                           arrived_at >= $2 and arrived_at < $3 as of_day
                      from queue_entries
                     where department_id = $1
                       and (status in (%1$s) or (arrived_at >= $2 and arrived_at < $3)
                            or (sla_breached_at >= $2 and sla_breached_at < $3))) as scope
             group by grouping sets ((coalesce(esi_level, 0)), ())
             order by 1 nulls last""".formatted(QueueEntryRepository.sqlLiterals(QueueStatuses.WAITING));

    /**
     * $1 department, $2 start, $3 end, $4 the IANA zone whose wall-clock hours the buckets are. Totals count the
     * entries that arrived within the day by their status now; finished per hour counts the consultations that
     * ended within the day; the override rate's basis is each of the day's entries' latest triage.
     */
    private static final String DAY = """
            with day as (
                select id, status, arrived_at from queue_entries
                 where department_id = $1 and arrived_at >= $2 and arrived_at < $3
            ), finished as (
                select ended_at from queue_entries
                 where department_id = $1 and status = 'FINISHED' and ended_at >= $2 and ended_at < $3
            ), latest_triage as (
                select distinct on (t.entry_id) t.engine_level, t.final_level
                  from triage_assessments t join day on day.id = t.entry_id
                 order by t.entry_id, t.assessed_at desc, t.id desc
            )
            select (select count(*) from day) as arrived,
                   (select count(*) from day where status = 'FINISHED') as finished,
                   (select count(*) from day where status = 'CANCELLED') as cancelled,
                   (select count(*) from day where status = 'TRANSFERRED') as transferred,
                   (select count(*) from day where status = 'NO_SHOW') as no_show,
                   (select count(*) from day where status = 'LEFT_WITHOUT_BEING_SEEN') as left_without_being_seen,
                   (select count(*) from latest_triage) as triaged,
                   (select count(*) from latest_triage where final_level <> engine_level) as overridden,
                   (select array_agg(coalesce(n, 0) order by hour)
                      from generate_series(0, 23) as hour
                      left join (select extract(hour from arrived_at at time zone $4)::int as h, count(*) as n
                                   from day group by 1) as arrivals on arrivals.h = hour) as arrivals_per_hour,
                   (select array_agg(coalesce(n, 0) order by hour)
                      from generate_series(0, 23) as hour
                      left join (select extract(hour from ended_at at time zone $4)::int as h, count(*) as n
                                   from finished group by 1) as ends on ends.h = hour) as finished_per_hour""";

    private final Pool pool;

    QueueStatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<LevelFigures>> byLevel(UUID departmentId, Instant start, Instant end) {
        return pool.preparedQuery(BY_LEVEL).execute(Tuple.of(departmentId, utc(start), utc(end))).map(rows -> {
            List<LevelFigures> figures = new ArrayList<>();
            for (Row row : rows) {
                figures.add(new LevelFigures(row.getInteger("level"), row.getLong("waiting_now"),
                        row.getLong("sla_breaches"), row.getLong("seen"), row.getDouble("median_wait"),
                        row.getDouble("p90_wait")));
            }
            return figures;
        });
    }

    public Uni<DayFigures> day(UUID departmentId, Instant start, Instant end, ZoneId zone) {
        return pool.preparedQuery(DAY).execute(Tuple.of(departmentId, utc(start), utc(end), zone.getId())).map(rows -> {
            Row row = rows.iterator().next();
            return new DayFigures(row.getLong("arrived"), row.getLong("finished"), row.getLong("cancelled"),
                    row.getLong("transferred"), row.getLong("no_show"), row.getLong("left_without_being_seen"),
                    row.getLong("triaged"), row.getLong("overridden"), List.of(row.getArrayOfLongs("arrivals_per_hour")),
                    List.of(row.getArrayOfLongs("finished_per_hour")));
        });
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
