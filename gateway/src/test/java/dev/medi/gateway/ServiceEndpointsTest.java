package dev.medi.gateway;

import dev.medi.platform.testing.ServiceEndpoints;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

/** Health, metrics and the API description: on the management interface only (ADR 0008). */
@QuarkusTest
class ServiceEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessCoversTheBrokerAndTheFanOutAndAuthEventConsumers() {
        ServiceEndpoints.awaitReady(management);
        ServiceEndpoints.assertHealthy(management, "Kafka", "Queue event fan-out", "Auth event listener");
    }

    @Test
    void metricsIncludeTheFanOut() {
        ServiceEndpoints.assertMetrics(management, "medi_fanout_delivered_total", "medi_fanout_failed_total",
                "medi_fanout_subscribers", "medi_fanout_websocket_clients", "medi_fanout_sse_clients",
                "medi_fanout_slow_disconnects_total", "medi_fanout_lag_seconds", "medi_fanout_auth_ended_total");
    }

    @Test
    void openApiIsServed() {
        ServiceEndpoints.assertOpenApi(management, "/api/v1/queue/stream", "/api/v1/public/boards/{department}/stream");
    }

    @Test
    void operationalEndpointsAreNotOnThePublicPort() {
        ServiceEndpoints.assertNotPublic();
    }
}
