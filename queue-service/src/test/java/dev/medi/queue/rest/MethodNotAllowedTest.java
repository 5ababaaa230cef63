package dev.medi.queue.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static dev.medi.queue.QueueApi.GENERAL;
import static dev.medi.queue.QueueApi.as;
import static org.hamcrest.Matchers.equalTo;

/** RFC 9110: a 405 says which methods the resource supports (Quarkus REST alone sends no Allow). */
@QuarkusTest
class MethodNotAllowedTest {

    @Test
    void anUnsupportedMethodAnswers405WithAllowAndAProblem() {
        as("admin").delete("/api/v1/departments/{id}", GENERAL).then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH")
                .contentType("application/problem+json")
                .body("type", equalTo("https://medi-os.dev/problems/method-not-allowed"));
        as("nurse").put("/api/v1/queues/{department}/snapshot", GENERAL).then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS");
        as("nurse").get("/api/v1/queues/{department}/check-ins", GENERAL).then().statusCode(405)
                .header("Allow", "OPTIONS, POST");
    }

    @Test
    void optionsListsThePathsOwnMethodsNotEveryMethodOfItsResourceClass() {
        // Quarkus REST alone answered "HEAD, POST, GET, OPTIONS, PATCH" for both
        as("admin").options("/api/v1/departments/{id}", GENERAL).then().statusCode(200)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH");
        as("admin").options("/api/v1/departments").then().statusCode(200)
                .header("Allow", "GET, HEAD, OPTIONS, POST");
    }
}
