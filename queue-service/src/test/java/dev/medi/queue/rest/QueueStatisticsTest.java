package dev.medi.queue.rest;

import dev.medi.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.medi.platform.testing.ProblemAssertions.assertForbidden;
import static dev.medi.platform.testing.ProblemAssertions.assertProblem;
import static dev.medi.platform.testing.ProblemAssertions.assertUnauthorized;
import static dev.medi.platform.testing.ProblemAssertions.assertValidationFailed;
import static dev.medi.queue.QueueApi.ROOM;
import static dev.medi.queue.QueueApi.as;
import static dev.medi.queue.QueueApi.checkIn;
import static dev.medi.queue.QueueApi.newDepartment;
import static dev.medi.queue.QueueApi.triage;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The operations dashboard's day: statistics and the ended entries, computed from entries this test makes. */
@QuarkusTest
class QueueStatisticsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A department whose every target is "immediately": each waiting entry breaches within a monitor pass. */
    private record Day(String department, String finished, String overridden, String left, String cancelled,
                       String untriaged, String waitingEsi4) {
    }

    private static Day aDay() {
        String department = newDepartment(List.of(0, 0, 0, 0, 0));
        String finished = checkIn(department, "sprained ankle");
        String overridden = checkIn(department, "chest tightness");
        String left = checkIn(department, "headache");
        String cancelled = checkIn(department, "registered twice");
        String untriaged = checkIn(department, "sore throat");
        String waitingEsi4 = checkIn(department, "rash");

        as("nurse").body(triage(2)).post("/api/v1/queues/{d}/entries/{id}/triage", department, finished).then().statusCode(200);
        Map<String, Object> override = triage(2);
        override.put("finalLevel", 2);
        override.put("overrideReason", "cardiac history");
        as("nurse").body(override).post("/api/v1/queues/{d}/entries/{id}/triage", department, overridden).then().statusCode(200);
        as("nurse").body(triage(1)).post("/api/v1/queues/{d}/entries/{id}/triage", department, waitingEsi4).then().statusCode(200);

        as("doctor").body(Map.of("room", ROOM, "entryId", finished)).post("/api/v1/queues/{d}/call-next", department).then().statusCode(200);
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/consultation", department, finished).then().statusCode(200);
        as("doctor").post("/api/v1/queues/{d}/entries/{id}/finish", department, finished).then().statusCode(200);
        as("doctor").body(Map.of("room", ROOM, "entryId", overridden)).post("/api/v1/queues/{d}/call-next", department).then().statusCode(200);
        as("receptionist").body(Map.of()).post("/api/v1/queues/{d}/entries/{id}/left-without-being-seen", department, left).then().statusCode(200);
        as("receptionist").body(Map.of("reason", "registered twice")).post("/api/v1/queues/{d}/entries/{id}/cancel", department, cancelled).then().statusCode(200);
        return new Day(department, finished, overridden, left, cancelled, untriaged, waitingEsi4);
    }

    private static JsonPath entry(String department, String id) {
        return as("admin").get("/api/v1/queues/{d}/entries/{id}", department, id).then().statusCode(200).extract().jsonPath();
    }

    private static double waitedSeconds(JsonPath entry) {
        return Duration.between(Instant.parse(entry.getString("arrivedAt")), Instant.parse(entry.getString("calledAt")))
                .toNanos() / 1e9;
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the sorted values. */
    private static long percentile(double fraction, double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return Math.round(sorted[below] + (sorted[above] - sorted[below]) * (position - below));
    }

    @Test
    void theDaysFiguresAreComputedFromItsEntries() {
        Day day = aDay();
        // the two still waiting breach their "immediately" targets at the SLA monitor's next pass
        await().atMost(Duration.ofSeconds(15)).until(() -> entry(day.department(), day.untriaged()).get("slaBreachedAt") != null
                && entry(day.department(), day.waitingEsi4()).get("slaBreachedAt") != null);
        List<String> all = List.of(day.finished(), day.overridden(), day.left(), day.cancelled(), day.untriaged(), day.waitingEsi4());
        List<JsonPath> entries = all.stream().map(id -> entry(day.department(), id)).toList();
        LocalDate today = LocalDate.now(BERLIN);

        JsonPath statistics = as("nurse").queryParam("date", today.toString()).queryParam("zone", "Europe/Berlin")
                .get("/api/v1/queues/{d}/statistics", day.department()).then().statusCode(200).extract().jsonPath();

        assertEquals(today.toString(), statistics.getString("date"));
        assertEquals("Europe/Berlin", statistics.getString("zone"));
        assertEquals(today.atStartOfDay(BERLIN).toInstant(), Instant.parse(statistics.getString("from")));

        assertEquals(2, statistics.getInt("waitingNow.total"));
        assertEquals(1, statistics.getInt("waitingNow.untriaged"));
        assertEquals(List.of(1, 2, 3, 4, 5), statistics.getList("waitingNow.byEsi.esiLevel"));
        assertEquals(List.of(0, 0, 0, 1, 0), statistics.getList("waitingNow.byEsi.count"));

        long breached = entries.stream().filter(e -> e.get("slaBreachedAt") != null).count();
        assertEquals(breached, statistics.getLong("slaBreaches.total"));
        // which others breached before they were called or left depends on the monitor's timing: counted from the entries
        for (int level = 0; level <= 5; level++) {
            Integer esi = level == 0 ? null : level;
            long expected = entries.stream().filter(e -> e.get("slaBreachedAt") != null
                    && java.util.Objects.equals(e.get("esiLevel"), esi)).count();
            assertEquals(expected, statistics.getLong(level == 0 ? "slaBreaches.untriaged"
                    : "slaBreaches.byEsi[" + (level - 1) + "].count"), "breaches of level " + level);
        }
        assertEquals(1, statistics.getInt("slaBreaches.byEsi[3].count"), "the waiting ESI 4");

        double finishedWait = waitedSeconds(entries.get(0));
        double overriddenWait = waitedSeconds(entries.get(1));
        assertEquals(2, statistics.getInt("waits.all.seen"));
        assertEquals(percentile(0.5, finishedWait, overriddenWait), statistics.getLong("waits.all.medianSeconds"));
        assertEquals(percentile(0.9, finishedWait, overriddenWait), statistics.getLong("waits.all.p90Seconds"));
        assertEquals(3, statistics.getInt("waits.byEsi[2].esiLevel"));
        assertEquals(1, statistics.getInt("waits.byEsi[2].seen"), "the finished one, ESI 3");
        assertEquals(Math.round(finishedWait), statistics.getLong("waits.byEsi[2].medianSeconds"));
        assertEquals(1, statistics.getInt("waits.byEsi[1].seen"), "the overridden one, ESI 2");
        assertEquals(Math.round(overriddenWait), statistics.getLong("waits.byEsi[1].p90Seconds"));
        assertEquals(0, statistics.getInt("waits.byEsi[0].seen"));
        assertNull(statistics.get("waits.byEsi[0].medianSeconds"));
        assertEquals(0, statistics.getInt("waits.untriaged.seen"));

        long[] arrivals = new long[24];
        entries.forEach(e -> arrivals[Instant.parse(e.getString("arrivedAt")).atZone(BERLIN).getHour()]++);
        long[] finishedPerHour = new long[24];
        finishedPerHour[Instant.parse(entries.get(0).getString("endedAt")).atZone(BERLIN).getHour()]++;
        assertEquals(24, statistics.getList("arrivalsPerHour").size());
        assertEquals(range(24), statistics.getList("arrivalsPerHour.hour"));
        assertEquals(longs(arrivals), statistics.getList("arrivalsPerHour.count", Long.class));
        assertEquals(longs(finishedPerHour), statistics.getList("finishedPerHour.count", Long.class));

        assertEquals(1, statistics.getInt("leftWithoutBeingSeen.count"));
        assertEquals(1.0 / 6, statistics.getDouble("leftWithoutBeingSeen.rate"), 1e-6); // JsonPath reads numbers as floats
        assertEquals(3, statistics.getInt("triageOverrides.triaged"));
        assertEquals(1, statistics.getInt("triageOverrides.overridden"));
        assertEquals(1.0 / 3, statistics.getDouble("triageOverrides.rate"), 1e-6); // JsonPath reads numbers as floats
        assertEquals(Map.of("arrived", 6, "finished", 1, "cancelled", 1, "transferred", 0, "noShow", 0,
                "leftWithoutBeingSeen", 1), statistics.getMap("totals"));
    }

    @Test
    void anotherDayIsEmptyAndTheDefaultsAreTodayInUtc() {
        Day day = aDay();
        JsonPath yesterday = as("admin").queryParam("date", LocalDate.now(BERLIN).minusDays(1).toString())
                .queryParam("zone", "Europe/Berlin").get("/api/v1/queues/{d}/statistics", day.department())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, yesterday.getInt("totals.arrived"));
        assertNull(yesterday.get("leftWithoutBeingSeen.rate"), "nothing arrived: no rate");
        assertEquals(2, yesterday.getInt("waitingNow.total"), "waiting now is now, whatever the day");

        JsonPath defaults = as("admin").get("/api/v1/queues/{d}/statistics", day.department())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("UTC", defaults.getString("zone"));
        assertEquals(LocalDate.now(ZoneId.of("UTC")).toString(), defaults.getString("date"));
    }

    @Test
    void theStatisticsRefuseWhatTheyMust() {
        String department = newDepartment();
        String path = "/api/v1/queues/{d}/statistics";
        assertValidationFailed(as("admin").queryParam("date", "2026-13-01").get(path, department))
                .body("errors.field", hasItem("date"));
        assertValidationFailed(as("admin").queryParam("zone", "Mars/Olympus").get(path, department))
                .body("errors.field", hasItem("zone"));
        assertValidationFailed(as("admin").queryParam("zone", "+05:30").get(path, department)) // an offset, not a zone
                .body("errors.field", hasItem("zone"));
        assertUnauthorized(given().get(path, department));
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("nurse")).get(path, department)); // demo departments only
        assertProblem(as("admin").get(path, UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void theEndedEntriesOfTheDayArePagedNewestFirst() {
        Day day = aDay();
        String path = "/api/v1/queues/{d}/entries";
        String today = LocalDate.now(BERLIN).toString();
        JsonPath first = as("receptionist").queryParam("state", "ended").queryParam("date", today)
                .queryParam("zone", "Europe/Berlin").queryParam("limit", 2).get(path, day.department())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(day.cancelled(), day.left()), first.getList("items.id"));
        assertEquals(List.of("CANCELLED", "LEFT_WITHOUT_BEING_SEEN"), first.getList("items.status"));
        assertEquals(day.left(), first.getString("next"));

        JsonPath second = as("doctor").queryParam("state", "ended").queryParam("date", today)
                .queryParam("zone", "Europe/Berlin").queryParam("limit", 2).queryParam("before", first.getString("next"))
                .get(path, day.department()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(day.finished()), second.getList("items.id"));
        assertEquals("FINISHED", second.getString("items[0].status"));
        assertEquals(entry(day.department(), day.finished()).getString("endedAt"), second.getString("items[0].endedAt"));
        assertNull(second.get("next"));

        as("nurse").queryParam("state", "ended").queryParam("date", LocalDate.now(BERLIN).minusDays(1).toString())
                .queryParam("zone", "Europe/Berlin").get(path, day.department())
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theEndedEntriesRefuseWhatTheyMust() {
        String department = newDepartment();
        String path = "/api/v1/queues/{d}/entries";
        assertValidationFailed(as("admin").queryParam("state", "waiting").get(path, department));
        assertValidationFailed(as("admin").get(path, department)); // state is required
        assertValidationFailed(as("admin").queryParam("state", "ended").queryParam("limit", 201).get(path, department));
        assertValidationFailed(as("admin").queryParam("state", "ended").queryParam("before", "nope").get(path, department))
                .body("errors.field", hasItem("before"));
        assertValidationFailed(as("admin").queryParam("state", "ended").queryParam("zone", "Nowhere/Town").get(path, department))
                .body("errors.field", hasItem("zone"));
        assertUnauthorized(given().queryParam("state", "ended").get(path, department));
        assertForbidden(given().auth().oauth2(TestTokens.forRoles("nurse")).queryParam("state", "ended").get(path, department));
        assertProblem(as("admin").queryParam("state", "ended").get(path, UUID.randomUUID()), 404, "not-found");
    }

    private static List<Integer> range(int n) {
        List<Integer> hours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hours.add(i);
        }
        return hours;
    }

    private static List<Long> longs(long[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
