package dev.medi.gateway.sse;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The gateway's own streams answer other methods than GET with 405 and Allow, like the services (was 404). */
@QuarkusTest
class StreamMethodsTest {

    @Test
    void otherMethodsThanGetAnswer405WithAllow() {
        given().post("/api/v1/public/boards/{department}/stream", UUID.randomUUID()).then().statusCode(405)
                .header("Allow", "GET")
                .contentType("application/problem+json")
                .body("type", equalTo("https://medi-os.dev/problems/method-not-allowed"));
        given().delete("/api/v1/public/boards/{department}/stream", UUID.randomUUID()).then().statusCode(405)
                .header("Allow", "GET");
    }
}
