package dev.medi.queue.service;

import dev.medi.queue.QueueEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queue meters. Counts of waiting patients are read from the database by the SLA monitor (every replica
 * reports the same figure), never kept in one pod's memory; rates and latencies are per replica as usual.
 */
@Startup
@ApplicationScoped
public class QueueMetrics {

    private final MeterRegistry registry;
    private final MultiGauge waiting;
    private final Counter checkIns;
    private final Counter finished;
    private final Timer callNext;

    QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.waiting = MultiGauge.builder("medi.queue.waiting").description("Patients waiting, per department and ESI level (0 = not triaged)")
                .register(registry);
        this.checkIns = Counter.builder("medi.queue.check_ins").description("Check-ins").register(registry);
        this.finished = Counter.builder("medi.queue.finished").description("Consultations finished (throughput)").register(registry);
        this.callNext = Timer.builder("medi.queue.call_next").description("Latency of call-next")
                .publishPercentileHistogram().register(registry);
    }

    void checkedIn() {
        checkIns.increment();
    }

    void finished(QueueEntry entry) {
        finished.increment();
    }

    /** Wait from arrival to call, per level: the figure the SLA targets are about. */
    void called(QueueEntry entry, Instant now) {
        Timer.builder("medi.queue.wait").description("Wait from arrival to call")
                .tag("esi", level(entry.esiLevel()))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.between(entry.arrivedAt(), now));
    }

    void callNextTook(Duration took) {
        callNext.record(took);
    }

    void slaBreached(QueueEntry entry) {
        Counter.builder("medi.queue.sla_breaches").description("Entries that waited past their target")
                .tag("esi", level(entry.esiLevel()))
                .register(registry).increment();
    }

    /** Replaces the waiting gauges with counts per (department code, level). */
    void waiting(Map<UUID, String> codes, List<Object[]> counts) {
        waiting.register(counts.stream()
                .map(row -> MultiGauge.Row.of(Tags.of("department", codes.getOrDefault((UUID) row[0], "unknown"),
                        "esi", String.valueOf(((Number) row[1]).intValue())), ((Number) row[2]).doubleValue()))
                .toList(), true);
    }

    private static String level(Integer esiLevel) {
        return esiLevel == null ? "0" : esiLevel.toString();
    }
}
