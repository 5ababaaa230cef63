package dev.medi.ai.rest;

import dev.medi.platform.testing.DemoData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With the runner's timer on, as in production: a submitted job is picked up and succeeds on its own. */
@QuarkusTest
@QuarkusTestResource(PatientServiceStandIn.class)
@TestProfile(ScribeJobTimerTest.RunnerOn.class)
class ScribeJobTimerTest {

    public static class RunnerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("medi.ai.scribe-jobs.runner-enabled", "true", "medi.ai.scribe-jobs.poll-every", "200ms");
        }
    }

    @Test
    void theTimerRunsQueuedJobs() {
        String token = ScribeJobResourceTest.doctor();
        String id = ScribeJobResourceTest.submit(token, Map.of("encounterId",
                        ScribeJobResourceTest.encounter(DemoData.GENERAL).id(), "transcript", ScribeJobResourceTest.TRANSCRIPT))
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(
                given().auth().oauth2(token).when().get(ScribeJobResourceTest.PATH + "/" + id).path("state")));
        given().auth().oauth2(token).when().get(ScribeJobResourceTest.PATH + "/" + id).then()
                .body("engine", equalTo("offline"));
    }
}
