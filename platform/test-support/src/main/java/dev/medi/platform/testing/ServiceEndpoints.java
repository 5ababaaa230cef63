package dev.medi.platform.testing;

import io.restassured.path.json.JsonPath;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The operational endpoints every service must serve, checked the same way in every module. */
public final class ServiceEndpoints {

    /** Liveness is up, and readiness is up with a check for each of {@code readinessChecks}. */
    public static void assertHealthy(String... readinessChecks) {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        List<String> names = ready.getList("checks.name");
        for (String expected : readinessChecks) {
            if (names.stream().noneMatch(name -> name.contains(expected))) {
                throw new AssertionError("no readiness check named like '" + expected + "' in " + names);
            }
        }
    }

    /** Prometheus metrics are served and include {@code metricNames}. */
    public static void assertMetrics(String... metricNames) {
        var response = given().accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(containsString("text/plain"));
        for (String name : metricNames) {
            response.body(containsString(name));
        }
    }

    /** The OpenAPI document is served and describes {@code paths}. */
    public static void assertOpenApi(String... paths) {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths.keySet()", hasItems(paths));
    }

    private ServiceEndpoints() {
    }
}
