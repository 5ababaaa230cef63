package dev.medi.ai.rest;

import dev.medi.ai.service.ScribeJobRunner;
import dev.medi.platform.testing.DemoData;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The runner driven by the scheduler as in production (an asynchronous task, on the scheduler's Vert.x context), not
 * by the test: a submitted job is picked up and succeeds on its own. The timer of {@code @Scheduled} is off in tests
 * and a test profile cannot switch it on (a second application in the same JVM cannot load the embedding model's
 * native library again), so the test schedules the same call itself.
 */
@QuarkusTest
@QuarkusTestResource(PatientServiceStandIn.class)
class ScribeJobTimerTest {

    @Inject
    Scheduler scheduler;

    @Inject
    ScribeJobRunner runner;

    @Test
    void theSchedulerRunsQueuedJobs() {
        String token = ScribeJobResourceTest.doctor();
        String id = ScribeJobResourceTest.submit(token, Map.of("encounterId",
                        ScribeJobResourceTest.encounter(DemoData.GENERAL).id(), "transcript", ScribeJobResourceTest.TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        scheduler.newJob("scribe-job-timer-test").setInterval("0.2s")
                .setConcurrentExecution(io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> runner.runNext(20)).schedule();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(
                    given().auth().oauth2(token).when().get(ScribeJobResourceTest.PATH + "/" + id).path("state")));
        } finally {
            scheduler.unscheduleJob("scribe-job-timer-test");
        }
        given().auth().oauth2(token).when().get(ScribeJobResourceTest.PATH + "/" + id).then()
                .body("engine", equalTo("offline"));
    }
}
