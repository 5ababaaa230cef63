package dev.medi.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Snapshot reads ({@code GET /api/v1/queues/{dept}/snapshot}, what every screen loads first) at a constant
 * arrival rate against one department whose queue holds a known number of entries: before the run, the
 * department is filled with check-ins up to {@code queueSize} active entries (50 by default, about a busy
 * emergency department's waiting room); the size is checked again after the run and recorded.
 *
 * <p>Settings ({@code -D...}): {@code baseUrl}, {@code rate} (100), {@code duration} (60 s), {@code ramp}
 * (5 s), {@code queueSize} (50), {@code p99Ms} (50), {@code department} (General), {@code cleanup} (true:
 * cancel the seeded entries afterwards). No issue target exists for the snapshot; 50 ms at p99 is the
 * check-in's, chosen so a screen's first paint never waits on the queue.
 */
public class SnapshotSimulation extends MediSimulation {

    private final int rate = LoadSettings.integer("rate", 100);
    private final Duration duration = LoadSettings.seconds("duration", 60);
    private final Duration ramp = LoadSettings.seconds("ramp", 5);
    private final int queueSize = LoadSettings.integer("queueSize", 50);
    private final int p99Ms = LoadSettings.integer("p99Ms", 50);
    private final String department = LoadSettings.string("department", LoadSettings.GENERAL);

    private volatile String token;
    private final List<MediApi.Entry> seeded = new ArrayList<>();

    {
        ScenarioBuilder read = scenario("snapshot")
                .exec(http("snapshot")
                        .get("/api/v1/queues/" + department + "/snapshot")
                        .header("Authorization", session -> "Bearer " + token)
                        .check(status().is(200), jsonPath("$.sequence").exists()));

        setUp(read.injectOpen(
                        rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(ramp),
                        constantUsersPerSec(rate).during(duration)))
                .protocols(httpProtocol())
                .assertions(
                        global().responseTime().percentile(99.0).lte(p99Ms),
                        global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void before() {
        requireStack();
        token = signIn(LoadSettings.string("user", "receptionist"));
        if (cleanup) {
            cancelLeftovers(List.of(department), token);
        }
        int present = queueSizes(List.of(department), token).get(department);
        for (int i = present; i < queueSize; i++) {
            seeded.add(api.checkIn(department, token, arrivalName));
        }
        JsonNode snapshot = api.snapshot(department, token);
        int size = snapshot.path("entries").size();
        int bytes = snapshot.toString().length();
        summary.put("target", "p99 ≤ " + p99Ms + " ms at " + rate + "/s, failed < 1 % (queue of " + size + ")")
                .put("gatling.p99Ms", p99Ms)
                .put("gatling.maxKoPercent", 1.0)
                .put("queueSize", size)
                .put("settings", "open model: ramp " + Math.max(1, rate / 10) + "→" + rate + "/s over " + ramp.toSeconds()
                        + " s, then " + rate + "/s for " + duration.toSeconds() + " s; department " + name(department))
                .note("queue measured: " + size + " active entries in " + name(department) + " (" + seeded.size()
                        + " seeded by this run), snapshot ≈ " + bytes / 1024 + " KiB of JSON");
        if (size != queueSize) {
            summary.note("the department already held " + present + " active entries, more than queueSize=" + queueSize);
        }
        startMetrics();
        summary.write();
    }

    @Override
    public void after() {
        finishMetrics("/api/v1/queues/{departmentId}/snapshot", "GET");
        int size = queueSizes(List.of(department), token).get(department);
        summary.note("queue after the run: " + size + " active entries in " + name(department));
        if (cleanup && !seeded.isEmpty()) {
            int cancelled = api.cancelAll(seeded, token, CLEANUP_PARALLELISM);
            summary.note("cleanup: cancelled " + cancelled + " of " + seeded.size() + " seeded entries");
        }
        summary.write();
    }
}
