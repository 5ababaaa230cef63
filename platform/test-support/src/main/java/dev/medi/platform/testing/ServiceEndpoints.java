package dev.medi.platform.testing;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The operational endpoints every service must serve, checked the same way in every module. They are on the
 * management interface (its own port, ADR 0008): a {@code @QuarkusTest} gets its address with
 * {@code @TestHTTPResource(value = "/", management = true) URL management;} and passes it here.
 */
public final class ServiceEndpoints {

    /**
     * The management interface of the application under test, for helpers that cannot have it injected: the
     * port the running application bound (its {@code HttpServer} bean), on loopback.
     */
    public static URL managementUrl() {
        int port = Arc.container().instance(HttpServer.class).get().getManagementPort();
        try {
            return URI.create("http://localhost:" + port + "/q/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request to the management interface whose address {@code management} is (any URL on it will do). */
    public static RequestSpecification management(URL management) {
        URI uri = URI.create(management.toString());
        return given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }

    /** Waits (bounded) until readiness answers 200, e.g. a consumer that must own its partitions first. */
    public static void awaitReady(URL management) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management(management).get("/q/health/ready").statusCode() == 200);
    }

    /** Liveness is up, and readiness is up with a check for each of {@code readinessChecks}. */
    public static void assertHealthy(URL management, String... readinessChecks) {
        management(management).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        JsonPath ready = management(management).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().jsonPath();
        List<String> names = ready.getList("checks.name");
        for (String expected : readinessChecks) {
            if (names.stream().noneMatch(name -> name.contains(expected))) {
                throw new AssertionError("no readiness check named like '" + expected + "' in " + names);
            }
        }
    }

    /** Prometheus metrics are served and include {@code metricNames}. */
    public static void assertMetrics(URL management, String... metricNames) {
        var response = management(management).accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"));
        for (String name : metricNames) {
            response.body(containsString(name));
        }
    }

    /** The Prometheus text of the service's metrics. */
    public static String metrics(URL management) {
        return management(management).accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The OpenAPI document is served and describes {@code paths}. */
    public static void assertOpenApi(URL management, String... paths) {
        management(management).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths.keySet()", hasItems(paths));
    }

    /** Nothing operational is served on the public port: health, metrics and the API description answer 404. */
    public static void assertNotPublic() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            int status = given().get(path).statusCode();
            if (status != 404) {
                throw new AssertionError(path + " answered " + status + " on the public port, expected 404");
            }
        }
    }

    private ServiceEndpoints() {
    }
}
