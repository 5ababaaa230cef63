package dev.medi.gateway;

import dev.medi.platform.testing.ServiceEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void readinessCoversTheBrokerAndTheFanOutAndAuthEventConsumers() {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        ServiceEndpoints.assertHealthy("Kafka", "Queue event fan-out", "Auth event listener");
    }

    @Test
    void metricsIncludeTheFanOut() {
        ServiceEndpoints.assertMetrics("medi_fanout_delivered_total", "medi_fanout_failed_total", "medi_fanout_subscribers",
                "medi_fanout_websocket_clients", "medi_fanout_sse_clients", "medi_fanout_slow_disconnects_total",
                "medi_fanout_lag_seconds", "medi_fanout_auth_ended_total");
    }

    @Test
    void openApiIsServed() {
        ServiceEndpoints.assertOpenApi("/api/v1/queue/stream", "/api/v1/public/boards/{department}/stream");
    }
}
