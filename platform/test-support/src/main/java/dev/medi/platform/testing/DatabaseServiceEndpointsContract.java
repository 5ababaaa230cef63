package dev.medi.platform.testing;

import org.junit.jupiter.api.Test;

/**
 * The operational endpoints of a service that owns a database: extend it in a {@code @QuarkusTest} class.
 * Readiness must cover PostgreSQL and Kafka; metrics must include the outbox relay's.
 */
public abstract class DatabaseServiceEndpointsContract {

    /** Paths the service's OpenAPI document must describe (none by default). */
    protected String[] documentedPaths() {
        return new String[0];
    }

    @Test
    void readinessCoversDatabaseAndBroker() {
        ServiceEndpoints.assertHealthy("PostgreSQL", "Kafka");
    }

    @Test
    void metricsIncludeTheOutboxRelay() {
        ServiceEndpoints.assertMetrics("medi_outbox_published_total", "medi_outbox_lag_seconds", "jvm_memory_used_bytes");
    }

    @Test
    void openApiIsServed() {
        ServiceEndpoints.assertOpenApi(documentedPaths());
    }
}
