package dev.medi.platform.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * The operational endpoints of a service that owns a database: extend it in a {@code @QuarkusTest} class.
 * Readiness must cover PostgreSQL and Kafka; metrics must include the outbox relay's. All of it is on the
 * management interface, none of it on the public port (ADR 0008).
 */
public abstract class DatabaseServiceEndpointsContract {

    /** Any address on the management interface; {@link ServiceEndpoints} takes its host and port. */
    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    /** Paths the service's OpenAPI document must describe (none by default). */
    protected String[] documentedPaths() {
        return new String[0];
    }

    @Test
    void readinessCoversDatabaseAndBroker() {
        ServiceEndpoints.assertHealthy(management, "PostgreSQL", "Kafka");
    }

    @Test
    void metricsIncludeTheOutboxRelay() {
        ServiceEndpoints.assertMetrics(management, "medi_outbox_published_total", "medi_outbox_lag_seconds", "jvm_memory_used_bytes");
    }

    @Test
    void openApiIsServed() {
        ServiceEndpoints.assertOpenApi(management, documentedPaths());
    }

    @Test
    void operationalEndpointsAreNotOnThePublicPort() {
        ServiceEndpoints.assertNotPublic();
    }
}
