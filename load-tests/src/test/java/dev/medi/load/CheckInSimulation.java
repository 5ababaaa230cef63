package dev.medi.load;

import io.gatling.javaapi.core.ScenarioBuilder;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Check-in through the gateway at a constant arrival rate (open model): each virtual user is one arrival
 * at the desk — one {@code POST /api/v1/queues/{dept}/check-ins} with a fresh {@code Idempotency-Key},
 * alternating between the two demo departments (each department takes its own lock, ADR 0003).
 *
 * <p>Target (issue 4, item 11): p99 ≤ 50 ms at 200/s, fewer than 1 % failed. Settings ({@code -D...}):
 * {@code baseUrl}, {@code rate} (200), {@code duration} (60 s), {@code ramp} (10 s, from a tenth of the rate),
 * {@code p99Ms} (50), {@code departments} (both), {@code user} (receptionist), {@code cleanup} (true).
 *
 * <p>Every check-in adds a waiting entry, so the queue grows by rate × (duration + ramp/2) during the run
 * (≈ 6,000 per department at the defaults); the run records the sizes before and after, and cancels its
 * entries afterwards so the next run starts from the same queue.
 */
public class CheckInSimulation extends MediSimulation {

    private final int rate = LoadSettings.integer("rate", 200);
    private final Duration duration = LoadSettings.seconds("duration", 60);
    private final Duration ramp = LoadSettings.seconds("ramp", 10);
    private final int p99Ms = LoadSettings.integer("p99Ms", 50);
    private final List<String> departments = LoadSettings.departments(LoadSettings.GENERAL + "," + LoadSettings.EMERGENCY);
    private final String user = LoadSettings.string("user", "receptionist");

    private volatile String token;
    private final Queue<MediApi.Entry> created = new ConcurrentLinkedQueue<>();
    private Map<String, Integer> sizesBefore;

    {
        String body = "{\"arrivalName\":\"" + arrivalName + "\",\"chiefComplaint\":\"cough\"}";
        AtomicLong next = new AtomicLong();
        Iterator<Map<String, Object>> department = Stream.generate(
                () -> Map.<String, Object>of("department", departments.get((int) (next.getAndIncrement() % departments.size()))))
                .iterator();

        ScenarioBuilder checkIn = scenario("check-in")
                .feed(department)
                .exec(http("check-in")
                        .post("/api/v1/queues/#{department}/check-ins")
                        .header("Authorization", session -> "Bearer " + token)
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(body))
                        .check(status().is(201), jsonPath("$.id").saveAs("entryId")))
                .exec(session -> {
                    if (!session.isFailed()) {
                        created.add(new MediApi.Entry(session.getString("department"), session.getString("entryId")));
                    }
                    return session;
                });

        int rampFrom = Math.max(1, rate / 10);
        setUp(checkIn.injectOpen(
                        rampUsersPerSec(rampFrom).to(rate).during(ramp),
                        constantUsersPerSec(rate).during(duration)))
                .protocols(httpProtocol())
                .assertions(
                        global().responseTime().percentile(99.0).lte(p99Ms),
                        global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void before() {
        requireStack();
        token = signIn(user);
        if (cleanup) {
            cancelLeftovers(departments, token);
        }
        sizesBefore = queueSizes(departments, token);
        summary.put("target", "p99 ≤ " + p99Ms + " ms at " + rate + "/s, failed < 1 %")
                .put("gatling.p99Ms", p99Ms)
                .put("gatling.maxKoPercent", 1.0)
                .put("settings", "open model: ramp " + Math.max(1, rate / 10) + "→" + rate + "/s over " + ramp.toSeconds()
                        + " s, then " + rate + "/s for " + duration.toSeconds() + " s; departments: " + departments.size()
                        + " (alternating); one sign-in (" + user + "), fresh Idempotency-Key per request")
                .note("queue before the run (active entries): " + describe(sizesBefore));
        startMetrics();
        summary.write();
    }

    @Override
    public void after() {
        finishMetrics("/api/v1/queues/{departmentId}/check-ins", "POST");
        Map<String, Integer> sizesAfter = queueSizes(departments, token);
        summary.note("queue after the run: " + describe(sizesAfter) + " (" + created.size() + " check-ins created)");
        summary.put("created", created.size());
        if (cleanup) {
            long start = System.nanoTime();
            int cancelled = api.cancelAll(created, token, CLEANUP_PARALLELISM);
            summary.note("cleanup: cancelled " + cancelled + " of " + created.size() + " entries in "
                    + (System.nanoTime() - start) / 1_000_000_000 + " s (not measured)");
        }
        summary.write();
    }
}
