package dev.medi.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * WebSocket fan-out: {@code clients} staff screens (500) are connected to {@code /ws/queue}, subscribed to
 * both demo departments and holding their snapshots before the load starts; then Gatling checks arrivals in
 * at a constant {@code rate} (20/s for 60 s) and every screen times every resulting event, from the moment
 * queue-service recorded it to the moment the screen received it (see {@link QueueWatchers}).
 *
 * <p>Target (issue 4, item 11): event-to-browser p99 ≤ 250 ms with 500 connected clients, and no loss — every
 * screen sees every check-in (received = clients × check-ins), in sequence. Gatling OSS cannot chart or
 * assert a custom metric, so {@link #after()} prints the figures, writes {@code target/fanout-latency.txt}
 * (and the full distribution to {@code target/fanout-latency.hgrm}) and then fails the run by throwing if the
 * target is missed. Gatling's own report covers the check-in requests (assertion: failed &lt; 1 %).
 *
 * <p>Settings ({@code -D...}): {@code baseUrl}, {@code clients} (500), {@code rate} (20), {@code duration}
 * (60 s), {@code connectRate} (100 screens/s), {@code p99Ms} (250), {@code drain} (15 s: how long to wait
 * for the last events), {@code departments} (both), {@code user} (receptionist, checks in), {@code viewer}
 * (nurse, the screens), {@code wsSelectors} (2), {@code cleanup} (true). Needs about clients + 100 open files
 * ({@code ulimit -n}); checked before anything connects. {@code awaitSnapshots=false} for a gateway that
 * sends no {@code snapshot} frame (ready at {@code subscribed}; sequences checked from the first event).
 */
public class FanOutSimulation extends MediSimulation {

    private final int clients = LoadSettings.integer("clients", 500);
    private final int rate = LoadSettings.integer("rate", 20);
    private final Duration duration = LoadSettings.seconds("duration", 60);
    private final int connectRate = LoadSettings.integer("connectRate", 100);
    private final int p99Ms = LoadSettings.integer("p99Ms", 250);
    private final Duration drain = LoadSettings.seconds("drain", 15);
    private final List<String> departments = LoadSettings.departments(LoadSettings.GENERAL + "," + LoadSettings.EMERGENCY);
    private final String user = LoadSettings.string("user", "receptionist");
    private final String viewer = LoadSettings.string("viewer", "nurse");

    private volatile String token;
    private final Set<UUID> createdIds = ConcurrentHashMap.newKeySet();
    private final Queue<MediApi.Entry> created = new ConcurrentLinkedQueue<>();
    private QueueWatchers watchers;

    {
        String body = "{\"arrivalName\":\"" + arrivalName + "\",\"chiefComplaint\":\"cough\"}";
        AtomicLong next = new AtomicLong();
        Iterator<Map<String, Object>> department = Stream.generate(
                () -> Map.<String, Object>of("department", departments.get((int) (next.getAndIncrement() % departments.size()))))
                .iterator();

        ScenarioBuilder checkIn = scenario("check-in while " + clients + " screens watch")
                .feed(department)
                .exec(http("check-in (fan-out)")
                        .post("/api/v1/queues/#{department}/check-ins")
                        .header("Authorization", session -> "Bearer " + token)
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(body))
                        .check(status().is(201), jsonPath("$.id").saveAs("entryId")))
                .exec(session -> {
                    if (!session.isFailed()) {
                        String id = session.getString("entryId");
                        createdIds.add(UUID.fromString(id));
                        created.add(new MediApi.Entry(session.getString("department"), id));
                    }
                    return session;
                });

        setUp(checkIn.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(httpProtocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void before() {
        requireStack();
        requireFileDescriptors();
        token = signIn(user);
        String viewerToken = signIn(viewer);
        if (cleanup) {
            cancelLeftovers(departments, token);
        }
        summary.put("target", "event-to-browser p99 ≤ " + p99Ms + " ms with " + clients + " WebSocket clients, no event lost")
                .put("gatling.maxKoPercent", 1.0)
                .put("settings", clients + " WebSocket clients (" + viewer + ", both sub-protocols like a browser) subscribed to "
                        + departments.size() + " departments, opened at " + connectRate + "/s; then check-ins at " + rate
                        + "/s for " + duration.toSeconds() + " s (open model, " + user + ")")
                .note("queue before the run (active entries): " + describe(queueSizes(departments, token)));
        watchers = new QueueWatchers(baseUrl, viewerToken, departments, arrivalName, LoadSettings.integer("wsSelectors", 2),
                LoadSettings.flag("awaitSnapshots", true));
        long start = System.nanoTime();
        try {
            watchers.open(clients, connectRate, Duration.ofSeconds(Math.max(60, 2L * clients / Math.max(1, connectRate) + 30)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } catch (RuntimeException e) {
            summary.put("verdict", "FAIL").note("connecting the WebSocket clients failed: " + e.getMessage()).write();
            watchers.close();
            throw e;
        }
        Histogram ready = watchers.readiness.copy();
        summary.note(String.format(Locale.ROOT, "%d clients connected, subscribed and holding snapshots after %.1f s "
                        + "(per client, connect → snapshots: p50 %d ms, p99 %d ms, max %d ms)",
                watchers.size(), (System.nanoTime() - start) / 1e9, ready.getValueAtPercentile(50),
                ready.getValueAtPercentile(99), ready.getMaxValue()));
        startMetrics();
        summary.write();
    }

    @Override
    public void after() {
        Duration waited;
        try {
            waited = watchers.awaitDelivery(createdIds, drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waited = drain;
        }
        Histogram latency = watchers.latency.getIntervalHistogram();
        QueueWatchers.Delivery delivery = watchers.delivery(createdIds);
        watchers.close();
        finishMetrics("/api/v1/queues/{departmentId}/check-ins", "POST");

        double p99 = latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(99) / 1000.0;
        boolean fast = latency.getTotalCount() > 0 && p99 <= p99Ms;
        boolean pass = fast && delivery.lossless() && delivery.checkIns() > 0;
        String figures = String.format(Locale.ROOT,
                "event-to-browser latency (ms): p50 %.1f, p95 %.1f, p99 %.1f, p99.9 %.1f, max %.1f, mean %.1f, count %d",
                ms(latency, 50), ms(latency, 95), ms(latency, 99), ms(latency, 99.9), latency.getMaxValue() / 1000.0,
                latency.getMean() / 1000.0, latency.getTotalCount());
        String deliveryLine = String.format(Locale.ROOT,
                "delivery: %d clients × %d check-ins = %d events expected; missing %d (at %d clients), extra %d, "
                        + "sequence gaps %d, duplicates %d, heartbeat gaps %d, errors %d, closed by the gateway %d",
                delivery.clients(), delivery.checkIns(), delivery.expectedEvents(), delivery.missing(),
                delivery.clientsMissing(), delivery.extra(), delivery.sequenceGaps(), delivery.duplicates(),
                delivery.heartbeatGaps(), delivery.errors(), delivery.closedByServer());
        String verdict = (pass ? "PASS" : "FAIL") + String.format(Locale.ROOT, " (target p99 ≤ %d ms and no loss)", p99Ms);

        summary.put("fanout.p50Ms", round(ms(latency, 50))).put("fanout.p95Ms", round(ms(latency, 95)))
                .put("fanout.p99Ms", round(p99)).put("fanout.maxMs", round(latency.getMaxValue() / 1000.0))
                .put("fanout.count", latency.getTotalCount()).put("fanout.expected", delivery.expectedEvents())
                .put("fanout.missing", delivery.missing()).put("fanout.targetP99Ms", p99Ms)
                .put("created", createdIds.size())
                .put("verdict", pass ? "PASS" : "FAIL")
                .note(figures)
                .note(deliveryLine)
                .note(String.format(Locale.ROOT, "waited %.1f s after the last check-in for the last events (drain limit %d s)",
                        waited.toMillis() / 1000.0, drain.toSeconds()));
        if (watchers.clamped.get() > 0) {
            summary.note(watchers.clamped.get() + " latencies above 10 minutes were recorded as 10 minutes");
        }
        if (delivery.firstProblem() != null) {
            summary.note("first problem seen by a client: " + delivery.firstProblem());
        }
        writeLatencyFiles(latency, figures, deliveryLine, verdict);

        if (cleanup) {
            int cancelled = api.cancelAll(created, token, CLEANUP_PARALLELISM);
            summary.note("cleanup: cancelled " + cancelled + " of " + created.size() + " entries (not measured)");
        }
        summary.write();
        System.out.println("[FanOutSimulation] " + verdict);
        if (!pass) {
            throw new AssertionError("FanOutSimulation missed its target: " + figures + "; " + deliveryLine);
        }
    }

    /** target/fanout-latency.txt (the figures) and target/fanout-latency.hgrm (HdrHistogram's percentile table). */
    private void writeLatencyFiles(Histogram latency, String figures, String deliveryLine, String verdict) {
        Path directory = LoadSettings.buildDirectory();
        String text = String.join("\n",
                "# FanOutSimulation " + Instant.now() + " run " + runId,
                "clients=" + clients + " rate=" + rate + "/s duration=" + duration.toSeconds() + "s departments=" + departments.size(),
                figures,
                deliveryLine,
                verdict,
                "");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        latency.outputPercentileDistribution(new PrintStream(table, true, StandardCharsets.UTF_8), 5, 1000.0);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("fanout-latency.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("fanout-latency.hgrm"), "# event-to-browser latency, milliseconds\n"
                    + table.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(text);
    }

    /**
     * Each screen holds a socket; with the JVM's own files and Gatling's connections that is clients + ~100
     * descriptors (raise with {@code ulimit -n}; run.sh does).
     */
    private void requireFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
            if (free < clients + 100L) {
                throw new IllegalStateException("only " + free + " file descriptors left (ulimit -n is "
                        + unix.getMaxFileDescriptorCount() + "); " + clients + " WebSocket clients need about "
                        + (clients + 100) + ": raise it with `ulimit -n 4096` (run.sh does)");
            }
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
